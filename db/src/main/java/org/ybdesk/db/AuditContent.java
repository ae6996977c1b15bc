package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The content an audit record vouches for, as a hash (D71). Covered kinds and what their hash covers:
 * <ul>
 *   <li>{@code CASE} (id: case number): every column of the {@code case_file} row — applicant, ID number, state,
 *   fields_json (with the payee's bank account), materials_json, amounts, dates, row version;</li>
 *   <li>{@code PERSON} (id: ID number): every column of the {@code person} rows with that ID number (normally one),
 *   the personal-account balance included;</li>
 *   <li>{@code UNIT} (id: credit code): every column of the {@code unit} row, bank account included;</li>
 *   <li>outbox messages: type, entity, payload and creation time; <b>not</b> status, attempts, errors, answer and
 *   acknowledgement columns nor audit_seq, which sync bookkeeping changes without an audit record.</li>
 * </ul>
 * Canonical form: the row's columns as a map sorted by column name, null columns left out (so a later migration
 * adding a nullable column does not change any hash), timestamps as UTC instants of what H2 stores (microseconds),
 * dates as ISO dates, numbers in decimal, text (JSON documents included) byte for byte as stored; written with the
 * stored-document mapper ({@link Json}, sorted keys) and hashed with SHA-256 after the kind's name.
 */
public final class AuditContent {
    public static final String CASE = "CASE";
    public static final String PERSON_KIND = "PERSON";
    public static final String UNIT_KIND = "UNIT";
    /** The entity type of the baseline records sealing pending outbox messages (entity id: the outbox seq). */
    public static final String OUTBOX_KIND = "OUTBOX";
    public static final Set<String> KINDS = Set.of(CASE, PERSON_KIND, UNIT_KIND);

    private AuditContent() {
    }

    public static boolean covers(String entityType) {
        return KINDS.contains(entityType);
    }

    /** The hash of the entity's current content (inside the caller's transaction); null for kinds not covered. */
    public static String hashOf(DSLContext tx, String entityType, String entityId) {
        return switch (entityType) {
            case CASE -> hash(CASE, tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(entityId)).fetch());
            case PERSON_KIND -> hash(PERSON_KIND, tx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(entityId))
                    .orderBy(PERSON.ID).fetch());
            case UNIT_KIND -> hash(UNIT_KIND, tx.selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(entityId)).fetch());
            default -> null;
        };
    }

    /** Every current entity of a covered kind with the hash of its content: entity id → hash. */
    public static Map<String, String> current(DSLContext dsl, String entityType) {
        Map<String, List<Record>> rows = new HashMap<>();
        switch (entityType) {
            case CASE -> {
                try (var c = dsl.selectFrom(CASE_FILE).orderBy(CASE_FILE.ID).fetchLazy()) {
                    c.forEach(r -> rows.computeIfAbsent(r.getCaseNo(), k -> new ArrayList<>(1)).add(r));
                }
            }
            case PERSON_KIND -> {
                try (var c = dsl.selectFrom(PERSON).orderBy(PERSON.ID).fetchLazy()) {
                    c.forEach(r -> rows.computeIfAbsent(r.getIdNumber(), k -> new ArrayList<>(1)).add(r));
                }
            }
            case UNIT_KIND -> {
                try (var c = dsl.selectFrom(UNIT).orderBy(UNIT.ID).fetchLazy()) {
                    c.forEach(r -> rows.computeIfAbsent(r.getCreditCode(), k -> new ArrayList<>(1)).add(r));
                }
            }
            default -> throw new IllegalArgumentException(entityType);
        }
        Map<String, String> out = new HashMap<>(rows.size() * 2);
        rows.forEach((id, list) -> out.put(id, hash(entityType, list)));
        return out;
    }

    /** The hash of an outbox message's content (what the audit record's payload_hash vouches for). */
    public static String outboxHash(String msgType, String entityType, String entityId, String payloadJson,
                                    OffsetDateTime createdAt) {
        Map<String, String> m = new TreeMap<>();
        m.put("msg_type", msgType);
        m.put("entity_type", entityType);
        m.put("entity_id", entityId);
        m.put("payload_json", payloadJson);
        m.put("created_at", createdAt.truncatedTo(ChronoUnit.MICROS).toInstant().toString());
        return sha256(OUTBOX_KIND + "\n" + Json.write(m));
    }

    /** The content hash of a stored outbox row. */
    public static String outboxHash(org.ybdesk.db.jooq.tables.records.OutboxRecord r) {
        return outboxHash(r.getMsgType(), r.getEntityType(), r.getEntityId(), r.getPayloadJson(), r.getCreatedAt());
    }

    static String hash(String kind, List<? extends Record> rows) {
        List<Map<String, String>> canonical = new ArrayList<>(rows.size());
        for (Record r : rows) {
            canonical.add(canonical(r));
        }
        return sha256(kind + "\n" + Json.write(canonical));
    }

    static Map<String, String> canonical(Record r) {
        Map<String, String> m = new TreeMap<>();
        for (Field<?> f : r.fields()) {
            Object v = r.get(f);
            if (v != null) {
                m.put(f.getName().toLowerCase(java.util.Locale.ROOT), value(v));
            }
        }
        return m;
    }

    private static String value(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();
        }
        return String.valueOf(v);
    }

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
