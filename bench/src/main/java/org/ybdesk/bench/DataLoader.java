package org.ybdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.WorkingCalendar;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.Stage;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.db.Json;
import org.ybdesk.service.Desk;

/**
 * Bulk-loads the synthetic registry and open case files straight into the tables (plain JDBC batches on the
 * writer's transaction, one transaction per chunk). Bulk rows carry no timeline, audit or outbox records: they
 * stand for the state a desk reaches after months of work, not for the work itself.
 */
final class DataLoader {
    static final int CHUNK = Integer.getInteger("ybdesk.bench.chunk", 10_000);

    /** How long a load took. */
    record Timing(String what, long rows, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        double rowsPerSecond() {
            return rows / seconds();
        }
    }

    /** What the case generation produced, for the report. */
    record CaseMix(Map<CaseState, Integer> byState, int withoutDueDate, int overdue, int dueWithinNear) {
    }

    private final Desk desk;
    private final Synthetic syn;
    private final long seed;
    private long[] unitIds = new long[0];
    private long firstPersonId;
    private CaseMix caseMix;

    DataLoader(Desk desk, Synthetic syn, long seed) {
        this.desk = desk;
        this.syn = syn;
        this.seed = seed;
    }

    long personDbId(long index) {
        return firstPersonId + index;
    }

    CaseMix caseMix() {
        return caseMix;
    }

    private interface ChunkWork {
        void run(Connection c, long from, long to) throws SQLException;
    }

    private static void chunked(Desk desk, long rows, ChunkWork work) {
        for (long from = 0; from < rows; from += CHUNK) {
            long f = from;
            long to = Math.min(rows, from + CHUNK);
            desk.db().write(tx -> {
                tx.connection(c -> work.run(c, f, to));
                return null;
            });
        }
    }

    /**
     * Runs a bulk load with the table's plain secondary indexes dropped, then re-creates them under the same names on
     * the same columns (the schema afterwards is the migrated one). Rows inserted in random key order into seven
     * indexes make H2 rewrite most index pages at every store: ~4,000 persons/s; building the indexes afterwards is
     * several times faster. Primary key, unique and foreign-key indexes stay in place and are checked as usual.
     */
    private void withoutPlainIndexes(String table, Runnable load) {
        var dsl = desk.db().dsl();
        List<String> names = dsl.fetch("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' "
                        + "AND TABLE_NAME = ? AND INDEX_TYPE_NAME = 'INDEX' AND IS_GENERATED = FALSE AND INDEX_NAME NOT IN "
                        + "(SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE INDEX_NAME IS NOT NULL) "
                        + "ORDER BY INDEX_NAME", table.toUpperCase(Locale.ROOT))
                .getValues(0, String.class);
        List<String> create = new ArrayList<>();
        for (String name : names) {
            List<String> cols = dsl.fetch("SELECT COLUMN_NAME, ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                            + "WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_NAME = ? ORDER BY ORDINAL_POSITION", name)
                    .map(r -> r.get(0, String.class) + ("DESC".equals(r.get(1, String.class)) ? " DESC" : ""));
            create.add("CREATE INDEX " + name + " ON " + table + "(" + String.join(", ", cols) + ")");
        }
        desk.db().write(tx -> {
            names.forEach(n -> tx.execute("DROP INDEX " + n));
            return null;
        });
        load.run();
        desk.db().write(tx -> {
            create.forEach(tx::execute);
            return null;
        });
    }

    Timing loadUnits(int count) {
        long t0 = System.nanoTime();
        OffsetDateTime now = desk.now();
        String sql = "INSERT INTO unit (credit_code, name, unit_type, address, contact_name, contact_phone, "
                + "admin_division_code, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)";
        chunked(desk, count, (c, from, to) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (long j = from; j < to; j++) {
                    Synthetic.Unit u = syn.unit((int) j);
                    ps.setString(1, u.creditCode());
                    ps.setString(2, u.name());
                    ps.setString(3, u.unitType());
                    ps.setString(4, u.address());
                    ps.setString(5, u.contactName());
                    ps.setString(6, u.contactPhone());
                    ps.setString(7, u.regionCode());
                    ps.setString(8, "INSURED");
                    ps.setObject(9, now);
                    ps.setObject(10, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        List<Long> ids = desk.db().dsl().fetch("SELECT id FROM unit ORDER BY id").getValues(0, Long.class);
        if (ids.size() != count) {
            throw new IllegalStateException("expected " + count + " units, found " + ids.size());
        }
        unitIds = ids.stream().mapToLong(Long::longValue).toArray();
        return new Timing("units", count, System.nanoTime() - t0);
    }

    Timing loadPersons(long count) {
        long t0 = System.nanoTime();
        OffsetDateTime now = desk.now();
        String sql = "INSERT INTO person (id_type, id_number, name, name_initials, gender, birth_date, insurance_type, "
                + "status, unit_id, phone, household_address, living_address, account_balance_fen, created_at, "
                + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        withoutPlainIndexes("person", () -> chunked(desk, count, (c, from, to) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (long i = from; i < to; i++) {
                    Synthetic.Person p = syn.person(i);
                    ps.setString(1, "RESIDENT_ID");
                    ps.setString(2, p.idNumber());
                    ps.setString(3, p.name());
                    ps.setString(4, p.initials());
                    ps.setString(5, p.gender().name());
                    ps.setObject(6, p.birthDate());
                    ps.setString(7, p.insuranceType().name());
                    ps.setString(8, p.status().name());
                    if (p.unitIndex() >= 0) {
                        ps.setLong(9, unitIds[p.unitIndex()]);
                    } else {
                        ps.setNull(9, Types.BIGINT);
                    }
                    ps.setString(10, p.phone());
                    ps.setString(11, p.householdAddress());
                    ps.setString(12, p.householdAddress());
                    ps.setLong(13, p.accountBalanceFen());
                    ps.setObject(14, now);
                    ps.setObject(15, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }));
        try (Connection c = desk.db().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(id), MAX(id), COUNT(*) FROM person")) {
            rs.next();
            firstPersonId = rs.getLong(1);
            if (rs.getLong(3) != count || rs.getLong(2) - rs.getLong(1) + 1 != count) {
                throw new IllegalStateException("person ids are not contiguous: " + rs.getLong(1) + ".."
                        + rs.getLong(2) + " for " + rs.getLong(3) + " rows");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Timing("persons", count, System.nanoTime() - t0);
    }

    /** Relative share of the open cases by flow: most open work sits in the items with a time limit. */
    private static int weight(ServiceItem item) {
        return switch (item.flow()) {
            case INSTANT -> 1;
            case REVIEW -> item.timeLimit().workingDays() == 0 ? 3 : 8;
            case TRANSFER -> 4;
            case DESIGNATION -> 2;
            case SETTLEMENT -> 4;
        };
    }

    /** The role the case waits for, as CaseService keeps it: the role of the first step that needs no reasons. */
    static String nextRole(ServiceItem item, CaseState state) {
        return Lifecycle.possible(item, state).entrySet().stream()
                .filter(e -> !e.getKey().needsReasons())
                .map(e -> e.getValue().name()).findFirst().orElse(null);
    }

    /** The non-terminal states a case of this item can wait in after acceptance. */
    static List<CaseState> openStates(ServiceItem item) {
        List<CaseState> s = new ArrayList<>();
        s.add(CaseState.ACCEPTED);
        switch (item.flow()) {
            case INSTANT -> {
            }
            case DESIGNATION -> {
                s.add(CaseState.PUBLICIZING);
                s.add(CaseState.NEGOTIATING);
            }
            case REVIEW, SETTLEMENT, TRANSFER -> {
                for (Stage st : item.stages()) {
                    s.add(switch (st) {
                        case REVIEW -> CaseState.REVIEWED;
                        case RECHECK -> CaseState.RECHECKED;
                        case APPROVE -> CaseState.APPROVED;
                        case PAY -> CaseState.PAID;
                    });
                }
                if (item.flow() == FlowVariant.TRANSFER) {
                    s.add(CaseState.TRANSFERRED_OUT);
                    s.add(CaseState.TRANSFERRED_IN);
                }
            }
        }
        return s;
    }

    /**
     * Open case files over all 28 items: accepted on the working days of the 40 calendar days up to today (instant
     * items: the last 3 working days), about 2% still waiting for acceptance (RECEIVED, no due date). The due date
     * is the acceptance day plus the item's working days; beyond the known calendar it stays empty, as the service
     * leaves it.
     */
    Timing loadCases(int count, long persons, int units, long createdBy) {
        long t0 = System.nanoTime();
        LocalDate today = desk.today();
        OffsetDateTime now = desk.now();
        WorkingCalendar cal = desk.calendar();
        String agency = desk.requireAgency().getCode();
        String catalogVersion = desk.catalog().version();
        List<LocalDate> window = new ArrayList<>();
        for (LocalDate d = today.minusDays(39); !d.isAfter(today); d = d.plusDays(1)) {
            if (cal.isWorkingDay(d)) {
                window.add(d);
            }
        }
        List<LocalDate> recent = window.subList(Math.max(0, window.size() - 3), window.size());
        List<ServiceItem> items = desk.catalog().items();
        int[] cumulative = new int[items.size()];
        int total = 0;
        for (int k = 0; k < items.size(); k++) {
            ServiceItem it = items.get(k);
            if (it.applicantKind() != org.ybdesk.core.catalog.ApplicantKind.PERSON && units == 0) {
                cumulative[k] = total;
                continue;
            }
            total += weight(it);
            cumulative[k] = total;
        }
        Map<Integer, String> materials = new LinkedHashMap<>();
        for (ServiceItem it : items) {
            Map<Integer, MaterialStatus> m = new TreeMap<>();
            for (MaterialSpec s : it.materials()) {
                m.put(s.no(), MaterialStatus.PAPER);
            }
            materials.put(it.no(), Json.write(m));
        }
        Map<LocalDate, Integer> seqByDay = new TreeMap<>();
        Map<CaseState, Integer> byState = new EnumMap<>(CaseState.class);
        int[] stats = new int[3]; // no due date, overdue, due within NEAR working days
        LocalDate nearHorizon = cal.addWorkingDays(today, org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS);
        SplittableRandom r = new SplittableRandom(seed ^ 0xC0FFEEL);
        String sql = "INSERT INTO case_file (case_no, agency_code, item_no, catalog_version, state, applicant_kind, "
                + "person_id, unit_id, applicant_name, applicant_id_number, applicant_phone, channel, received_on, "
                + "accepted_on, due_on, transferred_out_on, fields_json, materials_json, declared_fen, reconciled_fen, "
                + "paid_fen, created_by, created_at, updated_at, row_version, applicant_initials, next_role) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        int sum = total;
        chunked(desk, count, (c, from, to) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (long n = from; n < to; n++) {
                    int pick = r.nextInt(sum);
                    int k = 0;
                    while (cumulative[k] <= pick) {
                        k++;
                    }
                    ServiceItem item = items.get(k);
                    boolean instant = item.flow() == FlowVariant.INSTANT;
                    LocalDate accepted = instant
                            ? (r.nextInt(10) < 7 ? today : recent.get(r.nextInt(recent.size())))
                            : window.get(r.nextInt(window.size()));
                    CaseState state;
                    if (!instant && r.nextInt(100) < 2) {
                        state = CaseState.RECEIVED;
                    } else {
                        List<CaseState> states = openStates(item);
                        state = states.get(r.nextInt(states.size()));
                    }
                    byState.merge(state, 1, Integer::sum);
                    LocalDate received = accepted;
                    LocalDate acceptedOn = state == CaseState.RECEIVED ? null : accepted;
                    LocalDate due = null;
                    if (acceptedOn != null) {
                        try {
                            due = cal.addWorkingDays(acceptedOn, item.timeLimit().workingDays());
                        } catch (DateOutsideCalendarException e) {
                            stats[0]++;
                        }
                        if (due != null && due.isBefore(today)) {
                            stats[1]++;
                        } else if (due != null && !due.isAfter(nearHorizon)) {
                            stats[2]++;
                        }
                    }
                    LocalDate transferredOut = null;
                    if (state == CaseState.TRANSFERRED_OUT || state == CaseState.TRANSFERRED_IN) {
                        LocalDate t = cal.addWorkingDays(accepted, 3);
                        transferredOut = t.isAfter(today) ? today : t;
                    }
                    int seq = seqByDay.merge(received, 1, Integer::sum);
                    String caseNo = agency + received.format(DateTimeFormatter.BASIC_ISO_DATE)
                            + String.format("%05d", seq);
                    boolean person = item.applicantKind() == org.ybdesk.core.catalog.ApplicantKind.PERSON;
                    String applicantName;
                    int col = 1;
                    ps.setString(col++, caseNo);
                    ps.setString(col++, agency);
                    ps.setInt(col++, item.no());
                    ps.setString(col++, catalogVersion);
                    ps.setString(col++, state.name());
                    ps.setString(col++, item.applicantKind().name());
                    if (person) {
                        long pi = r.nextLong(persons);
                        ps.setLong(col++, personDbId(pi));
                        ps.setNull(col++, Types.BIGINT);
                        applicantName = syn.personName(pi);
                        ps.setString(col++, applicantName);
                        ps.setString(col++, Synthetic.residentId(pi));
                    } else {
                        int uj = r.nextInt(units);
                        Synthetic.Unit u = syn.unit(uj);
                        ps.setNull(col++, Types.BIGINT);
                        ps.setLong(col++, unitIds[uj]);
                        applicantName = u.name();
                        ps.setString(col++, applicantName);
                        ps.setString(col++, u.creditCode());
                    }
                    ps.setString(col++, null);
                    ps.setString(col++, "医保服务大厅");
                    ps.setObject(col++, received);
                    ps.setObject(col++, acceptedOn);
                    ps.setObject(col++, due);
                    ps.setObject(col++, transferredOut);
                    ps.setString(col++, "{}");
                    ps.setString(col++, materials.get(item.no()));
                    Long amount = item.flow() == FlowVariant.SETTLEMENT || state == CaseState.PAID
                            ? 10_000L + r.nextInt(50_000_000) : null;
                    boolean settlement = item.flow() == FlowVariant.SETTLEMENT;
                    ps.setObject(col++, settlement ? amount : null, Types.BIGINT);
                    ps.setObject(col++, settlement ? amount : null, Types.BIGINT);
                    ps.setObject(col++, state == CaseState.PAID ? amount : null, Types.BIGINT);
                    ps.setLong(col++, createdBy);
                    OffsetDateTime created = received.equals(today) ? now.minusMinutes(r.nextInt(90))
                            : received.atTime(LocalTime.of(8, 30)).plusMinutes(r.nextInt(480))
                                    .atZone(Desk.ZONE).toOffsetDateTime();
                    ps.setObject(col++, created);
                    ps.setObject(col++, created);
                    ps.setInt(col++, 0);
                    ps.setString(col++, syn.initials(applicantName));
                    ps.setString(col, nextRole(item, state));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        // Case numbers continue from the bulk rows (the service counts per agency and day).
        desk.db().write(tx -> {
            tx.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO case_seq (agency_code, seq_day, last_seq) VALUES (?,?,?)")) {
                    for (var e : seqByDay.entrySet()) {
                        ps.setString(1, agency);
                        ps.setObject(2, e.getKey());
                        ps.setInt(3, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            return null;
        });
        caseMix = new CaseMix(byState, stats[0], stats[1], stats[2]);
        return new Timing("open case files", count, System.nanoTime() - t0);
    }
}
