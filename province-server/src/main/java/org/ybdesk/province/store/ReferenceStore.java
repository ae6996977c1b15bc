package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Sequences.REFERENCE_VERSION_SEQ;
import static org.ybdesk.province.jooq.Tables.REFERENCE_ENTRY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.protocol.org.Routing;
import org.ybdesk.province.Texts;
import org.ybdesk.protocol.ReferenceData;

/**
 * Reference data the desks pull: one entry per (kind, key), each change taking the next reference version (D56).
 * On first start the server seeds what the desk ships with: the catalog ({@code CATALOG}, key = its version,
 * content = {@code catalog.yaml} as JSON) and the calendar years of {@code cn-holidays.yaml} ({@code CALENDAR},
 * key = the year, content = that year's entry as in the YAML: notice, title, holidays, makeUpWorkdays).
 */
public final class ReferenceStore {
    public static final Set<String> KINDS = Set.of(ReferenceData.CATALOG, ReferenceData.CALENDAR,
            ReferenceData.POLICY, ReferenceData.INSTITUTIONS, ReferenceData.ADMIN_DIVISIONS,
            Protocol.REFERENCE_AGENCIES, Protocol.REFERENCE_ROUTING);
    static final String CALENDAR_RESOURCE = "/org/ybdesk/core/calendar/cn-holidays.yaml";
    private static final long REFERENCE_LOCK = 9_101L;
    private static final ObjectMapper YAML = new YAMLMapper();

    private final ProvinceDb db;

    public ReferenceStore(ProvinceDb db) {
        this.db = db;
    }

    /** Stores (or replaces) one entry; returns its new version. */
    public long put(String kind, String key, JsonNode content) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown reference kind " + kind + " (one of " + KINDS + ")");
        }
        if (key == null || key.isBlank() || key.length() > 60) {
            throw new IllegalArgumentException("reference key must be 1-60 characters");
        }
        if (Protocol.REFERENCE_ROUTING.equals(kind)) {
            content = checkedRouting(key, content);
        }
        if (Protocol.REFERENCE_AGENCIES.equals(kind) && (!"all".equals(key) || !content.isArray())) {
            throw new IllegalArgumentException(Texts.get("reference.agencies"));
        }
        JsonNode stored = content;
        if (ReferenceData.CALENDAR.equals(kind)
                && (content.get("year") == null || !key.equals(content.get("year").asText()))) {
            throw new IllegalArgumentException("a CALENDAR entry's key must be its year (content has year "
                    + content.get("year") + ")");
        }
        return db.write(tx -> {
            tx.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(REFERENCE_LOCK))).fetch();
            long v = tx.nextval(REFERENCE_VERSION_SEQ);
            tx.insertInto(REFERENCE_ENTRY)
                    .set(REFERENCE_ENTRY.KIND, kind).set(REFERENCE_ENTRY.ENTRY_KEY, key)
                    .set(REFERENCE_ENTRY.VERSION, v).set(REFERENCE_ENTRY.CONTENT, JSONB.valueOf(stored.toString()))
                    .set(REFERENCE_ENTRY.IMPORTED_AT, db.now())
                    .onConflict(REFERENCE_ENTRY.KIND, REFERENCE_ENTRY.ENTRY_KEY).doUpdate()
                    .set(REFERENCE_ENTRY.VERSION, v).set(REFERENCE_ENTRY.CONTENT, JSONB.valueOf(stored.toString()))
                    .set(REFERENCE_ENTRY.IMPORTED_AT, db.now())
                    .execute();
            return v;
        });
    }

    /**
     * Reads a file (YAML or JSON) for {@code kind}/{@code key}: a calendar file holding {@code years:} contributes
     * the entry of year {@code key}; any other document is stored as it is.
     */
    public long importFile(String kind, String key, InputStream in) {
        try {
            if (ReferenceData.ADMIN_DIVISIONS.equals(kind)) {
                return putAdminDivisions(key, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            JsonNode doc = YAML.readTree(in);
            if (doc == null || doc.isMissingNode()) {
                throw new IllegalArgumentException("empty file");
            }
            return put(kind, key, ReferenceData.CALENDAR.equals(kind) ? calendarYear(doc, key) : toJson(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An admin-division list in the desk's TSV format (D95), checked as the desk will read it; the key must be the
     * list's {@code # version:}. Stored as a JSON string.
     */
    long putAdminDivisions(String key, String tsv) {
        org.ybdesk.core.validation.AdminDivisions.Table t = org.ybdesk.core.validation.AdminDivisions.parse(tsv);
        if (!t.version().equals(key)) {
            throw new IllegalArgumentException("an ADMIN_DIVISIONS entry's key must be its list's version ("
                    + t.version() + ")");
        }
        return put(ReferenceData.ADMIN_DIVISIONS, key,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(tsv));
    }

    /**
     * Stores the entry unless it holds this content already (then its version stays and desks pull nothing new);
     * returns whether it was stored.
     */
    public boolean putIfChanged(String kind, String key, JsonNode content) {
        org.jooq.Record1<JSONB> now = db.dsl().select(REFERENCE_ENTRY.CONTENT).from(REFERENCE_ENTRY)
                .where(REFERENCE_ENTRY.KIND.eq(kind), REFERENCE_ENTRY.ENTRY_KEY.eq(key)).fetchOne();
        if (now != null && readJson(now.value1().data()).equals(content)) {
            return false;
        }
        put(kind, key, content);
        return true;
    }

    /**
     * The organisation's reference data (issue 12): {@code AGENCIES} (key {@code all}) from the agency table, and the
     * default {@code ROUTING} (key {@code *}) when there is none yet: items 16–24 are accepted (and refused,
     * supplemented, resumed) at the township and every other stage is the county's; filings 11–15 stay at the
     * township. Returns the entries written.
     */
    public int seedOrganisation() {
        int n = 0;
        if (!db.dsl().fetchExists(REFERENCE_ENTRY, REFERENCE_ENTRY.KIND.eq(Protocol.REFERENCE_ROUTING),
                REFERENCE_ENTRY.ENTRY_KEY.eq(Routing.ANY))) {
            put(Protocol.REFERENCE_ROUTING, Routing.ANY, ProtocolJson.mapper().valueToTree(defaultRouting()));
            n++;
        }
        if (putIfChanged(Protocol.REFERENCE_AGENCIES, "all",
                ProtocolJson.mapper().valueToTree(new Agencies(db).list()))) {
            n++;
        }
        return n;
    }

    /** The province-wide default routing ({@code *}). */
    public static Routing defaultRouting() {
        java.util.Map<String, java.util.Map<String, String>> items = new java.util.TreeMap<>();
        for (int item = 16; item <= 24; item++) {
            java.util.Map<String, String> stages = new java.util.TreeMap<>();
            for (String s : List.of("ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT", "RESUME")) {
                stages.put(s, AgencyLevel.TOWNSHIP.name());
            }
            stages.put(Routing.ANY, AgencyLevel.COUNTY.name());
            items.put(String.valueOf(item), stages);
        }
        for (int item = 11; item <= 15; item++) {
            items.put(String.valueOf(item), java.util.Map.of(Routing.ANY, AgencyLevel.TOWNSHIP.name()));
        }
        return new Routing(Routing.ANY, items);
    }

    /**
     * A routing entry checked (D116): key {@code *} or a 6-digit admin division (the content's {@code admdvs} must
     * agree or be absent), items of the catalog, stages that are action names or {@code *}, levels that are
     * {@link AgencyLevel} names. Every problem is listed in one Chinese sentence.
     */
    JsonNode checkedRouting(String key, JsonNode content) {
        List<String> problems = new java.util.ArrayList<>();
        if (!Routing.ANY.equals(key) && !key.matches("\\d{6}")) {
            problems.add(Texts.get("routing.key", key));
        }
        Routing r;
        try {
            r = ProtocolJson.mapper().treeToValue(content, Routing.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(Texts.get("routing.refused", Texts.get("routing.shape")));
        }
        if (r.admdvs() != null && !r.admdvs().equals(key)) {
            problems.add(Texts.get("routing.admdvs", r.admdvs(), key));
        }
        Catalog catalog = Catalog.loadDefault();
        java.util.Set<String> stages = new java.util.TreeSet<>();
        for (org.ybdesk.core.lifecycle.CaseAction a : org.ybdesk.core.lifecycle.CaseAction.values()) {
            stages.add(a.name());
        }
        r.items().forEach((item, map) -> {
            boolean known = item.matches("\\d{1,2}") && catalog.find(Integer.parseInt(item)).isPresent();
            if (!known) {
                problems.add(Texts.get("routing.item", item));
            }
            if (map == null || map.isEmpty()) {
                problems.add(Texts.get("routing.noStages", item));
                return;
            }
            map.forEach((stage, level) -> {
                if (!Routing.ANY.equals(stage) && !stages.contains(stage)) {
                    problems.add(Texts.get("routing.stage", item, stage, String.join("/", stages)));
                }
                if (AgencyLevel.parse(level).isEmpty() || !AgencyLevel.parse(level).get().name().equals(level)) {
                    problems.add(Texts.get("routing.level", item, stage, String.valueOf(level), Agencies.levels()));
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(Texts.get("routing.refused", String.join("；", problems)));
        }
        return ProtocolJson.mapper().valueToTree(new Routing(key, r.items()));
    }

    /** Seeds the catalog and the calendars the desk ships with, when the store is empty. Returns entries added. */
    public int seedIfEmpty() {
        if (db.dsl().fetchCount(REFERENCE_ENTRY) > 0) {
            return seedOrganisation();
        }
        int n = 0;
        try (InputStream in = ReferenceStore.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
            JsonNode doc = toJson(YAML.readTree(in));
            put(ReferenceData.CATALOG, Catalog.loadDefault().version(), doc);
            n++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = ReferenceStore.class.getResourceAsStream(CALENDAR_RESOURCE)) {
            JsonNode doc = YAML.readTree(in);
            for (JsonNode year : doc.get("years")) {
                put(ReferenceData.CALENDAR, year.get("year").asText(), toJson(year));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n + seedOrganisation();
    }

    /** Entries changed after version {@code since}, in version order; {@code version} is the newest overall. */
    public ReferenceData since(long since) {
        List<ReferenceData.Entry> entries = db.dsl().selectFrom(REFERENCE_ENTRY)
                .where(REFERENCE_ENTRY.VERSION.gt(since)).orderBy(REFERENCE_ENTRY.VERSION)
                .fetch(r -> new ReferenceData.Entry(r.getKind(), r.getEntryKey(), r.getVersion(),
                        readJson(r.getContent().data())));
        Long max = db.dsl().select(DSL.max(REFERENCE_ENTRY.VERSION)).from(REFERENCE_ENTRY).fetchOne(0, Long.class);
        return new ReferenceData(max == null ? 0 : max, entries);
    }

    private static JsonNode calendarYear(JsonNode doc, String key) {
        JsonNode years = doc.get("years");
        if (years == null) {
            return toJson(doc);
        }
        for (JsonNode y : years) {
            if (y.get("year") != null && key.equals(y.get("year").asText())) {
                return toJson(y);
            }
        }
        throw new IllegalArgumentException("the file has no calendar year " + key);
    }

    /** YAML scalars (dates) become JSON strings as they are written. */
    private static JsonNode toJson(JsonNode yaml) {
        return readJson(yaml.toString());
    }

    private static JsonNode readJson(String json) {
        try {
            return ProtocolJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
