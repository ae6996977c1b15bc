package org.ybdesk.core.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of 行政区划代码 the desk knows (D95): civil-affairs codes of provinces, prefectures and counties, the
 * medical-insurance 省本级 pooling codes (xx9900), and abolished codes with their successors. It is reference data:
 * the desk ships {@code admin-divisions.tsv} (built by {@code scripts/admin-divisions.py}) and the province may send
 * a newer list ({@link #install}). A code that is not in the list is not refused (the list may be older than
 * reality): {@link Validators#adminDivisionWarnings} asks the clerk to confirm it.
 *
 * <p>The file is UTF-8 TSV: lines starting with {@code #} are comments ({@code # version: …} names the list's
 * version), then a header line {@code code name kind successor year}, then one code per line.
 */
public final class AdminDivisions {
    /** Where the bundled list lives on the classpath. */
    public static final String RESOURCE = "/org/ybdesk/core/validation/admin-divisions.tsv";

    /** What a code stands for. */
    public enum Kind { PROVINCE, PREFECTURE, COUNTY, POOLING, ABOLISHED }

    /**
     * One code.
     *
     * @param name      the full name as printed, e.g. 「山东省济南市」
     * @param successor for an abolished code, the code that took over; empty when the area was split
     * @param year      for an abolished code, the year it was abolished (0 when not known)
     */
    public record Division(String code, String name, Kind kind, String successor, int year) {
        public Division {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            successor = successor == null ? "" : successor;
        }

        public boolean abolished() {
            return kind == Kind.ABOLISHED;
        }
    }

    /** A whole list with its version. */
    public record Table(String version, Map<String, Division> byCode) {
        public Table {
            Objects.requireNonNull(version, "version");
            byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
        }

        public int size() {
            return byCode.size();
        }
    }

    private static final Table BUNDLED = loadBundled();
    private static volatile Table current = BUNDLED;

    private AdminDivisions() {
    }

    private static Table loadBundled() {
        try (InputStream in = AdminDivisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("admin-division list missing from the classpath: " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code, if the list has it (abolished codes included). */
    public static Optional<Division> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.byCode().get(Validators.normalizeId(code)));
    }

    /**
     * The printed name of a code, e.g. 370100 → 「山东省济南市」, 239900 → 「黑龙江省省本级」; an abolished code gives
     * its former name. Empty when the code is not in the list.
     */
    public static Optional<String> name(String code) {
        return find(code).map(Division::name);
    }

    /** 「370100 山东省济南市」 for prints and screens; the bare code when the list does not know it. */
    public static String label(String code) {
        if (code == null) {
            return "";
        }
        String c = Validators.normalizeId(code);
        return name(c).map(n -> c + " " + n).orElse(c);
    }

    /** The version of the list in use ({@code # version:} of its file). */
    public static String version() {
        return current.version();
    }

    /** The list in use. */
    public static Table current() {
        return current;
    }

    /** The list shipped with the desk. */
    public static Table bundled() {
        return BUNDLED;
    }

    /** Puts a list (e.g. the province's, parsed with {@link #parse}) in use for every check from now on. */
    public static void install(Table table) {
        current = Objects.requireNonNull(table, "table");
    }

    /** Back to the shipped list. */
    public static void reset() {
        current = BUNDLED;
    }

    /**
     * Reads a list in the TSV format above. Every line that cannot be read is reported at once, in Chinese, as an
     * {@link IllegalArgumentException} whose message lists them (line numbers from 1); nothing is installed then.
     */
    public static Table parse(String text) {
        Problems p = new Problems();
        Map<String, Division> byCode = new LinkedHashMap<>();
        String version = null;
        boolean header = false;
        String[] lines = text == null ? new String[0] : text.replace("\r", "").split("\n", -1);
        List<String[]> successors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String no = String.valueOf(i + 1);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String c = line.substring(1).trim();
                if (c.startsWith("version:")) {
                    version = c.substring("version:".length()).trim();
                }
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (!header) {
                header = true;
                if (cols.length >= 3 && cols[0].trim().equals("code")) {
                    continue;
                }
                p.add("divisions.header", no);
                continue;
            }
            if (cols.length < 3) {
                p.add("divisions.columns", no);
                continue;
            }
            String code = cols[0].trim();
            String name = cols[1].trim();
            String kindText = cols[2].trim();
            String successor = cols.length > 3 ? cols[3].trim() : "";
            String year = cols.length > 4 ? cols[4].trim() : "";
            if (!code.matches("\\d{6}")) {
                p.add("divisions.code", no, InputHygiene.visible(code));
                continue;
            }
            if (name.isEmpty()) {
                p.add("divisions.name", no, code);
                continue;
            }
            Kind kind;
            try {
                kind = Kind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                p.add("divisions.kind", no, InputHygiene.visible(kindText));
                continue;
            }
            if (!successor.isEmpty() && !successor.matches("\\d{6}")) {
                p.add("divisions.successor", no, InputHygiene.visible(successor));
                continue;
            }
            if (!year.isEmpty() && !year.matches("\\d{4}")) {
                p.add("divisions.year", no, InputHygiene.visible(year));
                continue;
            }
            if (byCode.containsKey(code)) {
                p.add("divisions.duplicate", no, code);
                continue;
            }
            byCode.put(code, new Division(code, name, kind, successor, year.isEmpty() ? 0 : Integer.parseInt(year)));
            if (!successor.isEmpty()) {
                successors.add(new String[] {no, code, successor});
            }
        }
        for (String[] s : successors) {
            Division next = byCode.get(s[2]);
            if (next == null || next.abolished()) {
                p.add("divisions.successorUnknown", s[0], s[1], s[2]);
            }
        }
        if (version == null || version.isEmpty()) {
            p.add("divisions.version");
        }
        if (byCode.isEmpty()) {
            p.add("divisions.empty");
        }
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", p.list()));
        }
        return new Table(version, byCode);
    }
}
