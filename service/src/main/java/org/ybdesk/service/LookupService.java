package org.ybdesk.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.ybdesk.core.validation.AdminDivisions;
import org.ybdesk.core.validation.AdminDivisions.Division;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.ReferenceData;

/**
 * Look-ups at the counter (issue 13): 就医地 by name, pinyin or code from the admin-division list in force (the
 * chooser of out-of-area filings fills the code), and the 定点医药机构 from the designated-institution list the desk
 * pulls from the province (reference kind INSTITUTIONS). Read-only; no audit.
 */
public final class LookupService {
    /** Most rows one look-up returns. */
    public static final int MAX_RESULTS = 50;
    /** Longest query accepted. */
    public static final int MAX_QUERY = 40;

    /** One admin division as the chooser lists it. */
    public record Place(String code, String name, String kindLabel) {
        /** 「110100 北京市市辖区」 */
        public String label() {
            return code + " " + name;
        }
    }

    /**
     * A designated medical institution or pharmacy (定点医药机构) of the pulled list.
     *
     * @param level  等级 (e.g. 三级甲等), may be empty
     * @param type   类别 (e.g. 综合医院, 零售药店), may be empty
     */
    public record Institution(String code, String name, String level, String type, String division, String address,
                              String phone) {
    }

    private static final Map<String, List<String>> KEYS = new ConcurrentHashMap<>();

    private final Desk desk;

    LookupService(Desk desk) {
        this.desk = desk;
    }

    /**
     * Divisions in force whose name contains {@code query}, whose code starts with it, or whose pinyin (full or
     * initials, 「haerbin」「heb」) contains it; cities and municipalities first (filings go to a 市 or 直辖市, 表9
     * 温馨提示), abolished codes never.
     */
    public List<Place> places(String query) {
        return findPlaces(query);
    }

    /**
     * {@link #places} without a desk: the division list in force is the desk's reference data already loaded (the
     * intake form's chooser asks it on the event thread; no database is read).
     */
    public static List<Place> findPlaces(String query) {
        String q = normalized(query);
        List<Division> hits = new ArrayList<>();
        for (Division d : AdminDivisions.current().byCode().values()) {
            if (!d.abolished() && matches(q, d.code(), d.name())) {
                hits.add(d);
            }
        }
        hits.sort(Comparator.comparingInt((Division d) -> rank(d.kind())).thenComparing(Division::code));
        return hits.stream().limit(MAX_RESULTS)
                .map(d -> new Place(d.code(), d.name(), Texts.get("place.kind." + d.kind().name()))).toList();
    }

    /**
     * 定点医药机构 of the pulled list matching {@code query} (name, pinyin, code; empty = all) and, when given, whose
     * level or type contains {@code level} / {@code type}. Refused with a message when the desk has no list yet.
     */
    public List<Institution> institutions(String query, String level, String type) {
        String q = query == null || query.isBlank() ? "" : normalized(query);
        List<Institution> all = allInstitutions();
        if (all.isEmpty()) {
            throw new ServiceException(Texts.get("lookup.institutions.none"));
        }
        String lv = level == null ? "" : level.trim();
        String ty = type == null ? "" : type.trim();
        return all.stream()
                .filter(i -> q.isEmpty() || matches(q, i.code(), i.name()))
                .filter(i -> lv.isEmpty() || i.level().contains(lv))
                .filter(i -> ty.isEmpty() || i.type().contains(ty))
                .sorted(Comparator.comparing(Institution::code)).limit(MAX_RESULTS).toList();
    }

    /** Every institution of the active INSTITUTIONS entries (each entry a JSON list of objects). */
    public List<Institution> allInstitutions() {
        List<Institution> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String content : new SyncStore(desk).reference(ReferenceData.INSTITUTIONS).values()) {
            JsonNode list;
            try {
                list = ProtocolJson.mapper().readTree(content);
            } catch (java.io.IOException e) {
                continue; // checked when pulled; an unreadable entry offers nothing to look up
            }
            if (list != null && list.isTextual()) {
                try {
                    list = ProtocolJson.mapper().readTree(list.asText());
                } catch (java.io.IOException e) {
                    continue;
                }
            }
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode n : list) {
                String code = text(n, "code");
                String name = text(n, "name");
                if (code.isEmpty() || name.isEmpty() || !seen.add(code)) {
                    continue;
                }
                out.add(new Institution(code, name, text(n, "level"), text(n, "type"), text(n, "admdvs"),
                        text(n, "address"), text(n, "phone")));
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static String normalized(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (q.isEmpty()) {
            throw new ServiceException(Texts.get("lookup.query.empty"));
        }
        if (q.length() > MAX_QUERY) {
            throw new ServiceException(Texts.get("lookup.query.tooLong", String.valueOf(MAX_QUERY)));
        }
        return q;
    }

    /** Whether {@code q} (lower case) finds a row of this code and name. */
    static boolean matches(String q, String code, String name) {
        if (code.toLowerCase(Locale.ROOT).startsWith(q) || name.contains(q)) {
            return true;
        }
        if (!q.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        for (String key : KEYS.computeIfAbsent(name, LookupService::pinyinKeys)) {
            if (key.contains(q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pinyin keys of a name: full pinyin and initials, for the first reading of every character and for the
     * second reading of the first two characters that have one (重庆 is chongqing, not zhongqing).
     */
    static List<String> pinyinKeys(String name) {
        List<List<String>> readings = new ArrayList<>();
        int variants = 0;
        for (char ch : name.toCharArray()) {
            String[] r = ch < 0x80 ? null : PinyinHelper.toHanyuPinyinStringArray(ch);
            List<String> opts = new ArrayList<>();
            if (r == null || r.length == 0) {
                opts.add(ch < 0x80 ? String.valueOf(Character.toLowerCase(ch)) : "");
            } else {
                for (String x : r) {
                    String plain = x.replaceAll("[0-9]", "").replace("u:", "v");
                    if (!opts.contains(plain) && (opts.isEmpty() || variants < 2)) {
                        opts.add(plain);
                    }
                }
                if (opts.size() > 1) {
                    variants++;
                    opts = opts.subList(0, 2);
                }
            }
            readings.add(opts);
        }
        List<String[]> combos = new ArrayList<>();
        combos.add(new String[] {"", ""});
        for (List<String> opts : readings) {
            List<String[]> next = new ArrayList<>();
            for (String[] c : combos) {
                for (String o : opts) {
                    next.add(new String[] {c[0] + o, c[1] + (o.isEmpty() ? "" : o.substring(0, 1))});
                }
            }
            combos = next;
        }
        List<String> keys = new ArrayList<>();
        for (String[] c : combos) {
            keys.add(c[0]);
            keys.add(c[1]);
        }
        return keys;
    }

    private static int rank(AdminDivisions.Kind k) {
        return switch (k) {
            case PREFECTURE, POOLING -> 0;
            case PROVINCE -> 1;
            case COUNTY -> 2;
            case ABOLISHED -> 3;
        };
    }
}
