package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.AGENCY;
import static org.ybdesk.province.jooq.Tables.CASE_PARTY;
import static org.ybdesk.province.jooq.Tables.CASE_STEP;
import static org.ybdesk.province.jooq.Tables.DESK;
import static org.ybdesk.province.jooq.Tables.PROVINCE_CASE;
import static org.ybdesk.province.jooq.Tables.RECEIVED_MESSAGE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.change.CaseReleased;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.CaseSummary;
import org.ybdesk.protocol.org.ClaimRequest;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.DeskInfo;
import org.ybdesk.protocol.org.FeedEntry;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.province.ApiException;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.province.Texts;
import org.ybdesk.province.jooq.tables.Desk;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;
import org.ybdesk.province.jooq.tables.records.DeskRecord;
import org.ybdesk.province.jooq.tables.records.ProvinceCaseRecord;

/**
 * The organisation's reads and online holder changes (issue 12): who a desk is ({@code GET /desk}), the case feed of
 * a desk's agency, a case's whole history, claim (领取, atomic), online release, reassign (supervisor, same agency,
 * with reason) and the county view. Every answer is a {@code protocol.org} record; refusals are
 * {@link ApiException}s with Chinese texts.
 */
public final class Cases {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5_000;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Desk STEP_DESK = DESK.as("sd");
    private static final Desk HOLDER_DESK = DESK.as("hd");
    private static final Desk ACCEPTOR_DESK = DESK.as("ad");
    private static final org.ybdesk.province.jooq.tables.Agency HOLDER_AGENCY = AGENCY.as("ha");

    private final ProvinceDb db;
    private final FeedSignal signal;

    public Cases(ProvinceDb db, FeedSignal signal) {
        this.db = db;
        this.signal = signal;
    }

    /** {@code GET /api/v1/desk}: the desk's agency, window and the last case sequence per day (last 7 days). */
    public DeskInfo deskInfo(Desks.Desk desk) {
        AgencyRecord a = db.dsl().selectFrom(AGENCY).where(AGENCY.CODE.eq(desk.agencyCode())).fetchSingle();
        LocalDate today = db.now().toLocalDate();
        Map<String, Integer> last = new TreeMap<>();
        for (String no : db.dsl().select(RECEIVED_MESSAGE.CASE_NO).from(RECEIVED_MESSAGE)
                .where(RECEIVED_MESSAGE.DESK_ID.eq(desk.id()), RECEIVED_MESSAGE.INFNO.eq("4101"),
                        RECEIVED_MESSAGE.CASE_NO.isNotNull(),
                        RECEIVED_MESSAGE.INF_TIME.ge(today.minusDays(8).atStartOfDay()))
                .fetch(RECEIVED_MESSAGE.CASE_NO)) {
            CaseNumbers.parse(no, desk.agencyCode())
                    .filter(p -> p.windowNo() == desk.windowNo() && !p.day().isBefore(today.minusDays(6)))
                    .ifPresent(p -> last.merge(p.day().toString(), p.seq(), Math::max));
        }
        return new DeskInfo(Agencies.toAgency(a), desk.windowNo(), desk.name(), last);
    }

    /**
     * The entries after {@code since} of the cases the desk's agency is party to, without the desk's own uploaded
     * messages (it has them), in version order.
     */
    public CaseFeed feed(Desks.Desk desk, long since, int limit) {
        // one snapshot for the entries and the newest version: a commit between two reads must not be skipped
        return db.dsl().transactionResult(c -> {
            DSLContext dsl = c.dsl();
            dsl.execute("set transaction isolation level repeatable read, read only");
            Condition cond = CASE_STEP.FEED_VERSION.gt(since)
                    .and(CASE_STEP.CASE_NO.in(DSL.select(CASE_PARTY.CASE_NO).from(CASE_PARTY)
                            .where(CASE_PARTY.AGENCY_CODE.eq(desk.agencyCode()), CASE_PARTY.VERSION.gt(since))))
                    .and(DSL.not(CASE_STEP.MSGID.isNotNull().and(CASE_STEP.DESK_ID.eq(desk.id()))));
            List<FeedEntry> entries = entries(dsl, cond, limit + 1);
            boolean more = entries.size() > limit;
            if (more) {
                entries = entries.subList(0, limit);
            }
            long version = entries.isEmpty() ? since : entries.get(entries.size() - 1).version();
            if (!more) {
                // the rest are the desk's own messages: it may move on to the newest version of its agency's cases
                Long newest = dsl.select(DSL.max(CASE_PARTY.VERSION)).from(CASE_PARTY)
                        .where(CASE_PARTY.AGENCY_CODE.eq(desk.agencyCode())).fetchOne(0, Long.class);
                version = Math.max(version, newest == null ? 0 : newest);
            }
            return new CaseFeed(version, more, entries);
        });
    }

    /** The signal long polls wait on. */
    public FeedSignal signal() {
        return signal;
    }

    /** {@code GET /api/v1/cases/{no}}: 404 unknown, 403 when the desk's agency is no party and no party's ancestor. */
    public CaseHistory history(Desks.Desk desk, String caseNo) {
        DSLContext dsl = db.dsl();
        if (!dsl.fetchExists(PROVINCE_CASE, PROVINCE_CASE.CASE_NO.eq(caseNo))) {
            throw new ApiException(404, "CASE_UNKNOWN", Texts.get("refuse.caseUnknown", caseNo));
        }
        if (!CaseLog.mayRead(dsl, caseNo, desk.agencyCode())) {
            throw new ApiException(403, "FORBIDDEN_AGENCY", Texts.get("case.forbidden", caseNo, desk.agencyCode()));
        }
        return history(dsl, caseNo);
    }

    private CaseHistory history(DSLContext dsl, String caseNo) {
        List<FeedEntry> entries = entries(dsl, CASE_STEP.CASE_NO.eq(caseNo).and(CASE_STEP.FEED_VERSION.isNotNull()),
                Integer.MAX_VALUE);
        return new CaseHistory(holder(dsl, caseNo), entries);
    }

    /**
     * 领取: the case moves from the desk's agency's pool to the desk, atomically (one conditional update). The holder
     * claiming again gets the history (idempotent); another desk holding it: 409 {@code CASE_HELD} naming it.
     */
    public CaseHistory claim(Desks.Desk desk, String caseNo, ClaimRequest req) {
        String opterName = req == null ? null : req.opterName();
        boolean changed = db.write(tx -> {
            OffsetDateTime now = db.now();
            ProvinceCaseRecord c = tx.update(PROVINCE_CASE)
                    .set(PROVINCE_CASE.HOLDER_DESK_ID, desk.id())
                    .set(PROVINCE_CASE.HOLDER_SINCE, now)
                    .where(PROVINCE_CASE.CASE_NO.eq(caseNo), PROVINCE_CASE.HOLDER_DESK_ID.isNull(),
                            PROVINCE_CASE.HOLDER_AGENCY.eq(desk.agencyCode()))
                    .returning().fetchOne();
            if (c == null) {
                ProvinceCaseRecord now2 = tx.selectFrom(PROVINCE_CASE).where(PROVINCE_CASE.CASE_NO.eq(caseNo))
                        .fetchOne();
                if (now2 == null) {
                    throw new ApiException(404, "CASE_UNKNOWN", Texts.get("refuse.caseUnknown", caseNo));
                }
                if (Long.valueOf(desk.id()).equals(now2.getHolderDeskId())) {
                    return false; // the holder again: nothing changes
                }
                if (now2.getHolderDeskId() == null) {
                    throw new ApiException(403, "FORBIDDEN_AGENCY", Texts.get("case.otherPool", caseNo,
                            CaseLog.holderText(tx, now2), desk.agencyCode()));
                }
                throw new ApiException(409, "CASE_HELD", Texts.get("case.held", caseNo,
                        CaseLog.holderText(tx, now2)));
            }
            CaseLog.Written w = new CaseLog.Written();
            CaseLog.entry(tx, w, c, CaseLog.CLAIM, null, null, "CLAIM", null, null, now.toLocalDateTime(),
                    opterName, null, null, desk.agencyCode(), desk.id(), false);
            CaseLog.stamp(tx, w);
            return true;
        });
        if (changed) {
            signal.fire();
        }
        return history(db.dsl(), caseNo);
    }

    /**
     * Online release by the holder: the case goes back to its agency's pool under its next action. Recorded as a
     * {@code CASE_RELEASED} change made at the province (no message id), so every desk replays it like an uploaded one.
     */
    public CaseHistory release(Desks.Desk desk, String caseNo, ClaimRequest req) {
        String opterName = req == null ? null : req.opterName();
        db.write(tx -> {
            OffsetDateTime now = db.now();
            ProvinceCaseRecord c = tx.selectFrom(PROVINCE_CASE).where(PROVINCE_CASE.CASE_NO.eq(caseNo)).forUpdate()
                    .fetchOne();
            if (c == null) {
                throw new ApiException(404, "CASE_UNKNOWN", Texts.get("refuse.caseUnknown", caseNo));
            }
            if (!Long.valueOf(desk.id()).equals(c.getHolderDeskId())) {
                throw new ApiException(409, "NOT_HOLDER", Texts.get("refuse.holder", caseNo,
                        CaseLog.holderText(tx, c), desk.agencyCode(), String.format("%02d", desk.windowNo())));
            }
            c.setHolderDeskId(null);
            c.setHolderSince(now);
            c.update();
            CaseReleased change = new CaseReleased(caseNo, c.getNextAction(), c.getState(), now.toString(),
                    opterName, null);
            CaseLog.Written w = new CaseLog.Written();
            CaseLog.entry(tx, w, c, CaseLog.CHANGE, null, ChangeKind.CASE_RELEASED.infno(), "RELEASE", null, null,
                    now.toLocalDateTime(), opterName, ChangeKind.write(change), null, desk.agencyCode(), desk.id(),
                    false);
            CaseLog.stamp(tx, w);
            return null;
        });
        signal.fire();
        return history(db.dsl(), caseNo);
    }

    /**
     * A supervisor moves the cases held by a lost desk of the same agency to the pool (or a named desk of the
     * agency), with a reason (2–500 characters) kept in each case's history (entry kind REASSIGN).
     */
    public ReassignResult reassign(Desks.Desk desk, ReassignRequest req) {
        if (req == null) {
            throw new ApiException(400, "BAD_REQUEST", Texts.get("reassign.empty"));
        }
        String reason = req.reason() == null ? "" : req.reason().strip();
        if (reason.length() < 2 || reason.length() > 500) {
            throw new ApiException(400, "REASON_REQUIRED", Texts.get("reassign.reason"));
        }
        if (reason.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT
                || (Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            throw new ApiException(400, "UNSAFE_TEXT", Texts.get("reassign.reasonUnsafe"));
        }
        List<String> moved = new ArrayList<>();
        db.write(tx -> {
            moved.clear();
            DeskRecord from = deskOf(tx, desk.agencyCode(), req.fromWindow());
            DeskRecord to = req.toWindow() == null ? null : deskOf(tx, desk.agencyCode(), req.toWindow());
            Condition held = PROVINCE_CASE.HOLDER_DESK_ID.eq(from.getId())
                    .and(PROVINCE_CASE.HOLDER_AGENCY.eq(desk.agencyCode()));
            if (req.caseNos() != null && !req.caseNos().isEmpty()) {
                List<String> notHeld = new ArrayList<>(req.caseNos());
                notHeld.removeAll(tx.select(PROVINCE_CASE.CASE_NO).from(PROVINCE_CASE)
                        .where(held, PROVINCE_CASE.CASE_NO.in(req.caseNos())).fetch(PROVINCE_CASE.CASE_NO));
                if (!notHeld.isEmpty()) {
                    throw new ApiException(409, "NOT_HOLDER", Texts.get("reassign.notHeld",
                            String.format("%02d", req.fromWindow()), String.join("、", notHeld)));
                }
                held = held.and(PROVINCE_CASE.CASE_NO.in(req.caseNos()));
            }
            OffsetDateTime now = db.now();
            CaseLog.Written w = new CaseLog.Written();
            for (ProvinceCaseRecord c : tx.selectFrom(PROVINCE_CASE).where(held).orderBy(PROVINCE_CASE.CASE_NO)
                    .forUpdate().fetch()) {
                c.setHolderDeskId(to == null ? null : to.getId());
                c.setHolderSince(now);
                c.update();
                CaseLog.entry(tx, w, c, CaseLog.REASSIGN, null, null, "REASSIGN", null, null,
                        now.toLocalDateTime(), req.opterName(), null, reason, desk.agencyCode(), desk.id(), false);
                moved.add(c.getCaseNo());
            }
            CaseLog.stamp(tx, w);
            return null;
        });
        if (!moved.isEmpty()) {
            signal.fire();
        }
        DSLContext dsl = db.dsl();
        return new ReassignResult(moved.stream().map(no -> holder(dsl, no)).toList());
    }

    private static DeskRecord deskOf(DSLContext tx, String agency, int window) {
        DeskRecord d = tx.selectFrom(DESK).where(DESK.AGENCY_CODE.eq(agency), DESK.WINDOW_NO.eq(window)).fetchOne();
        if (d == null) {
            throw new ApiException(404, "DESK_UNKNOWN", Texts.get("desk.unknown", agency,
                    String.format("%02d", window)));
        }
        return d;
    }

    /**
     * The county view: summaries of the cases accepted or held by the desk's agency or any agency below it, changed
     * after {@code since}, and every desk of those agencies. Only a county-or-higher agency's desks (403 otherwise).
     */
    public CountyCases county(Desks.Desk desk, long since, int limit) {
        DSLContext dsl = db.dsl();
        AgencyRecord a = dsl.selectFrom(AGENCY).where(AGENCY.CODE.eq(desk.agencyCode())).fetchSingle();
        if (AgencyLevel.valueOf(a.getAgencyLevel()).ordinal() > AgencyLevel.COUNTY.ordinal()) {
            throw new ApiException(403, "FORBIDDEN_LEVEL", Texts.get("county.forbidden", a.getName(),
                    CaseLog.levelText(a.getAgencyLevel())));
        }
        List<String> subtree = CaseLog.subtree(dsl, a.getCode());
        List<ProvinceCaseRecord> rows = dsl.selectFrom(PROVINCE_CASE)
                .where(PROVINCE_CASE.VERSION.gt(since),
                        PROVINCE_CASE.AGENCY_CODE.in(subtree).or(PROVINCE_CASE.HOLDER_AGENCY.in(subtree)))
                .orderBy(PROVINCE_CASE.VERSION).limit(limit + 1).fetch();
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        Map<String, List<CaseSummary.Step>> steps = new LinkedHashMap<>();
        List<String> nos = rows.stream().map(ProvinceCaseRecord::getCaseNo).toList();
        for (Record s : dsl.select(CASE_STEP.CASE_NO, CASE_STEP.CONTENT, CASE_STEP.INF_TIME, CASE_STEP.OPTER_NAME)
                .from(CASE_STEP)
                .where(CASE_STEP.CASE_NO.in(nos), CASE_STEP.KIND.eq(CaseLog.CHANGE), CASE_STEP.INFNO.in("4101", "4102"))
                .orderBy(CASE_STEP.FEED_VERSION).fetch()) {
            JsonNode in = json(s.get(CASE_STEP.CONTENT).data());
            steps.computeIfAbsent(s.get(CASE_STEP.CASE_NO), k -> new ArrayList<>()).add(new CaseSummary.Step(
                    text(in, "action"), text(in, "fromState"), text(in, "toState"), text(in, "onDay"),
                    AT.format(s.get(CASE_STEP.INF_TIME)),
                    text(in, "actorName") == null ? s.get(CASE_STEP.OPTER_NAME) : text(in, "actorName"),
                    in.hasNonNull("amountFen") ? in.get("amountFen").asLong() : null));
        }
        List<CaseSummary> cases = new ArrayList<>();
        for (ProvinceCaseRecord c : rows) {
            cases.add(new CaseSummary(c.getCaseNo(), c.getVersion(), c.getItemNo(), c.getCatalogVersion(),
                    c.getApplicantKind(), c.getApplicantName(), c.getApplicantIdNumber(), c.getChannel(),
                    c.getState(), c.getReceivedOn() == null ? null : c.getReceivedOn().toString(),
                    c.getDueOn() == null ? null : c.getDueOn().toString(), holder(dsl, c.getCaseNo()),
                    steps.getOrDefault(c.getCaseNo(), List.of()),
                    c.getOccurredAt() == null ? null : AT.format(c.getOccurredAt())));
        }
        // the page in the order the cases happened (issue 13, D137); the page's version stays its newest case's
        cases.sort(java.util.Comparator.comparing((CaseSummary x) -> x.occurredAt() == null ? "" : x.occurredAt())
                .thenComparing(CaseSummary::caseNo));
        long version = rows.isEmpty() ? since : rows.get(rows.size() - 1).getVersion();
        List<CountyCases.DeskCoverage> desks = dsl.select(DESK.AGENCY_CODE, AGENCY.NAME, DESK.WINDOW_NO, DESK.NAME,
                        DESK.LAST_UPLOAD_AT)
                .from(DESK).join(AGENCY).on(AGENCY.CODE.eq(DESK.AGENCY_CODE))
                .where(DESK.AGENCY_CODE.in(subtree)).orderBy(DESK.AGENCY_CODE, DESK.WINDOW_NO)
                .fetch(r -> new CountyCases.DeskCoverage(r.get(DESK.AGENCY_CODE), r.get(AGENCY.NAME),
                        r.get(DESK.WINDOW_NO), r.get(DESK.NAME), r.get(DESK.LAST_UPLOAD_AT) == null ? null
                        : AT.format(r.get(DESK.LAST_UPLOAD_AT).atZoneSameInstant(ProvinceDb.ZONE))));
        return new CountyCases(version, more, cases, desks);
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static List<FeedEntry> entries(DSLContext dsl, Condition cond, int limit) {
        return dsl.select(CASE_STEP.asterisk(), STEP_DESK.WINDOW_NO, STEP_DESK.NAME, HOLDER_AGENCY.NAME,
                        HOLDER_DESK.WINDOW_NO, HOLDER_DESK.NAME, PROVINCE_CASE.AGENCY_CODE, ACCEPTOR_DESK.WINDOW_NO)
                .from(CASE_STEP)
                .join(PROVINCE_CASE).on(PROVINCE_CASE.CASE_NO.eq(CASE_STEP.CASE_NO))
                .leftJoin(STEP_DESK).on(STEP_DESK.ID.eq(CASE_STEP.DESK_ID))
                .leftJoin(HOLDER_AGENCY).on(HOLDER_AGENCY.CODE.eq(CASE_STEP.HOLDER_AGENCY))
                .leftJoin(HOLDER_DESK).on(HOLDER_DESK.ID.eq(CASE_STEP.HOLDER_DESK_ID))
                .leftJoin(ACCEPTOR_DESK).on(ACCEPTOR_DESK.ID.eq(PROVINCE_CASE.DESK_ID))
                .where(cond)
                .orderBy(CASE_STEP.FEED_VERSION).limit(limit)
                .fetch(r -> {
                    String kind = r.get(CASE_STEP.KIND);
                    CaseHolder holder = new CaseHolder(r.get(CASE_STEP.CASE_NO), r.get(CASE_STEP.HOLDER_AGENCY),
                            r.get(HOLDER_AGENCY.NAME), r.get(HOLDER_DESK.WINDOW_NO), r.get(HOLDER_DESK.NAME),
                            r.get(CASE_STEP.NEXT_ACTION), at(r.get(CASE_STEP.HOLDER_SINCE)),
                            r.get(PROVINCE_CASE.AGENCY_CODE), r.get(ACCEPTOR_DESK.WINDOW_NO));
                    boolean change = CaseLog.CHANGE.equals(kind);
                    return new FeedEntry(r.get(CASE_STEP.FEED_VERSION), r.get(CASE_STEP.CASE_NO), kind,
                            r.get(CASE_STEP.MSGID), change ? r.get(CASE_STEP.INFNO) : null,
                            AT.format(r.get(CASE_STEP.INF_TIME)), r.get(CASE_STEP.AGENCY_CODE),
                            r.get(STEP_DESK.WINDOW_NO), r.get(STEP_DESK.NAME), r.get(CASE_STEP.OPTER_NAME),
                            r.get(CASE_STEP.REASON), change ? json(r.get(CASE_STEP.CONTENT).data()) : null, holder);
                });
    }

    private static CaseHolder holder(DSLContext dsl, String caseNo) {
        return dsl.select(PROVINCE_CASE.CASE_NO, PROVINCE_CASE.HOLDER_AGENCY, HOLDER_AGENCY.NAME,
                        HOLDER_DESK.WINDOW_NO, HOLDER_DESK.NAME, PROVINCE_CASE.NEXT_ACTION, PROVINCE_CASE.HOLDER_SINCE,
                        PROVINCE_CASE.AGENCY_CODE, ACCEPTOR_DESK.WINDOW_NO)
                .from(PROVINCE_CASE)
                .leftJoin(HOLDER_AGENCY).on(HOLDER_AGENCY.CODE.eq(PROVINCE_CASE.HOLDER_AGENCY))
                .leftJoin(HOLDER_DESK).on(HOLDER_DESK.ID.eq(PROVINCE_CASE.HOLDER_DESK_ID))
                .leftJoin(ACCEPTOR_DESK).on(ACCEPTOR_DESK.ID.eq(PROVINCE_CASE.DESK_ID))
                .where(PROVINCE_CASE.CASE_NO.eq(caseNo))
                .fetchSingle(r -> new CaseHolder(r.get(PROVINCE_CASE.CASE_NO), r.get(PROVINCE_CASE.HOLDER_AGENCY),
                        r.get(HOLDER_AGENCY.NAME), r.get(HOLDER_DESK.WINDOW_NO), r.get(HOLDER_DESK.NAME),
                        r.get(PROVINCE_CASE.NEXT_ACTION), at(r.get(PROVINCE_CASE.HOLDER_SINCE)),
                        r.get(PROVINCE_CASE.AGENCY_CODE), r.get(ACCEPTOR_DESK.WINDOW_NO)));
    }

    private static String at(OffsetDateTime t) {
        return t == null ? null : AT.format(t.atZoneSameInstant(ProvinceDb.ZONE));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static JsonNode json(String s) {
        try {
            return ProtocolJson.mapper().readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
