package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.COUNTY_DESK;
import static org.ybdesk.db.jooq.Tables.SYNC_STATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.money.Money;
import org.ybdesk.db.CaseRepository;
import org.ybdesk.db.CaseRepository.Holding;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;
import org.ybdesk.protocol.change.CaseHandOff;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.org.CaseFeed;
import org.ybdesk.protocol.org.CaseHistory;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.CaseSummary;
import org.ybdesk.protocol.org.CountyCases;
import org.ybdesk.protocol.org.FeedEntry;
import org.ybdesk.protocol.org.ReassignRequest;
import org.ybdesk.protocol.org.ReassignResult;

/**
 * What the desk knows of the organisation's cases it does not hold alone (issue 12): copies of cases held
 * elsewhere, rebuilt from the province's feed by the same rules as its own cases, the holder of each case, claims,
 * reassignments and the county view's summaries. Every method is one local transaction; the network is module
 * {@code sync}'s.
 *
 * <p>Every change to a {@code case_file} row goes through the change log with actor 系统 and the remote desk and
 * person in the record (so {@code audit verify} stays green, D71), and none is put in the outbox: the province
 * already has it. A copy follows its holder through {@link CaseFile#replay}, the lifecycle's one copy of the
 * effects (D121).
 *
 * <p>CONTRACT between the issue-12 helpers: the "hold" helper implements these bodies; the "sync" helper calls them.
 * Signatures change only by agreement with the lead.
 */
public final class Holdings {
    /** The key of the AGENCIES reference entry. */
    static final String KEY_ALL = "all";
    private static final DateTimeFormatter PROVINCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Desk desk;
    private final CaseRepository repo;

    Holdings(Desk desk) {
        this.desk = desk;
        this.repo = desk.cases().repository();
    }

    /** The last feed version applied (0: none). */
    public long feedVersion() {
        return desk.db().dsl().select(SYNC_STATE.FEED_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                .fetchOne(SYNC_STATE.FEED_VERSION);
    }

    /**
     * Applies one page of the feed and records its version, in one transaction. Returns the case numbers the desk has
     * no copy of (their entries are not applied): the caller fetches each one's {@link CaseHistory} and calls
     * {@link #applyHistory}. Entries at or below the recorded version are skipped, and a step already on a timeline
     * (its message id) is never applied twice: the same page applied twice changes nothing. A case whose copy
     * disagrees with a reported step (its state is not the step's from-state) is returned too, to be fetched whole.
     */
    public List<String> applyFeed(CaseFeed page) {
        requireProduction();
        return desk.db().write(tx -> {
            long current = tx.select(SYNC_STATE.FEED_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                    .fetchOne(SYNC_STATE.FEED_VERSION);
            Set<String> fetch = new LinkedHashSet<>();
            Context ctx = context(tx);
            for (FeedEntry e : page.entries()) {
                if (e.version() <= current || e.caseNo() == null || fetch.contains(e.caseNo())) {
                    continue;
                }
                Optional<Holding> h = repo.holding(tx, e.caseNo());
                boolean receipt = FeedEntry.CHANGE.equals(e.kind()) && change(e) instanceof CaseReceived;
                if ((h.isEmpty() && !receipt) || (h.isPresent() && CaseRepository.SUMMARY.equals(h.get().copyKind()))) {
                    fetch.add(e.caseNo()); // no copy (or only the county summary): the whole history is needed
                    continue;
                }
                try {
                    apply(tx, ctx, e);
                } catch (IllegalArgumentException disagree) {
                    // nothing of the step was written: the case is fetched whole, the rest of the page flows on
                    fetch.add(e.caseNo());
                }
            }
            if (page.version() > current) {
                tx.update(SYNC_STATE).set(SYNC_STATE.FEED_VERSION, page.version()).where(SYNC_STATE.ID.eq(1))
                        .execute();
            }
            return List.copyOf(fetch);
        });
    }

    /**
     * Brings the desk's copy of one case up to the province's history (creating it when absent). A county summary
     * is replaced by the full copy; a full copy that disagrees with the history is rebuilt from it; a case made here
     * only takes the steps other desks took (its own are on its timeline already).
     */
    public void applyHistory(CaseHistory history) {
        requireProduction();
        desk.db().write(tx -> {
            applyHistory(tx, context(tx), history);
            return null;
        });
    }

    private String applyHistory(DSLContext tx, Context ctx, CaseHistory history) {
        String caseNo = history.holder() != null ? history.holder().caseNo()
                : history.entries().isEmpty() ? null : history.entries().get(0).caseNo();
        if (caseNo == null) {
            throw new ServiceException(Texts.get("holding.history.empty"));
        }
        Optional<Holding> h = repo.holding(tx, caseNo);
        boolean rebuild = h.isPresent() && CaseRepository.SUMMARY.equals(h.get().copyKind());
        try {
            applyAll(tx, ctx, history, rebuild);
        } catch (IllegalArgumentException disagree) {
            if (h.isPresent() && h.get().local()) {
                throw new ServiceException(disagree.getMessage());
            }
            try {
                applyAll(tx, ctx, history, true); // the copy went astray: start it again from the history
            } catch (IllegalArgumentException again) {
                throw new ServiceException(Texts.get("holding.history.invalid", caseNo, again.getMessage()));
            }
        }
        if (history.holder() != null) {
            holder(tx, ctx, caseNo, history.holder(), null, null);
        }
        return caseNo;
    }

    private void applyAll(DSLContext tx, Context ctx, CaseHistory history, boolean rebuild) {
        ctx.rebuild = rebuild;
        try {
            for (FeedEntry e : history.entries()) {
                apply(tx, ctx, e);
            }
        } finally {
            ctx.rebuild = false;
        }
    }

    /** The province granted {@code actor}'s claim (领取): the desk holds the case now (audited). */
    public CaseViews.CaseView recordClaim(CaseHistory history, Actor actor) {
        requireProduction();
        String caseNo = desk.db().write(tx -> {
            Context ctx = context(tx);
            String no = applyHistory(tx, ctx, history);
            Holding before = repo.holding(tx, no).orElseThrow();
            Holding after = before.withHolder(true, ctx.agency.getCode(), ctx.window, null).withHandOff(null);
            repo.setHolding(tx, no, after);
            Map<String, Object> a = holdingView(no, after);
            a.put("from", Organisation.deskLabel(tx, before.holderAgency(), before.holderName(),
                    before.holderWindow()));
            desk.audited().record(tx, actor, desk.now(), "CASE_CLAIM", "CASE", no, holdingView(no, before), a, null);
            return no;
        });
        return desk.cases().show(caseNo, actor);
    }

    /** The last county-view version applied (0: none). */
    public long countyVersion() {
        return desk.db().dsl().select(SYNC_STATE.COUNTY_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                .fetchOne(SYNC_STATE.COUNTY_VERSION);
    }

    /**
     * Applies one page of county summaries (and the covered desks) and records its version, in one transaction. Each
     * summary becomes (or replaces) a read-only SUMMARY copy rebuilt by replaying its steps; a case this desk made
     * or has a full copy of is never overwritten by a summary. The covered desks replace the earlier list.
     */
    public void applyCounty(CountyCases page) {
        requireProduction();
        desk.db().write(tx -> {
            long current = tx.select(SYNC_STATE.COUNTY_VERSION).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                    .fetchOne(SYNC_STATE.COUNTY_VERSION);
            Context ctx = context(tx);
            for (CaseSummary s : page.cases()) {
                Optional<Holding> h = repo.holding(tx, s.caseNo());
                if (h.isPresent() && (!CaseRepository.SUMMARY.equals(h.get().copyKind())
                        || (h.get().provinceVersion() != null && h.get().provinceVersion() >= s.version()))) {
                    continue;
                }
                summary(tx, ctx, s);
            }
            if (!page.desks().isEmpty()) {
                tx.deleteFrom(COUNTY_DESK).execute();
                for (CountyCases.DeskCoverage d : page.desks()) {
                    tx.insertInto(COUNTY_DESK).set(COUNTY_DESK.AGENCY_CODE, d.agencyCode())
                            .set(COUNTY_DESK.AGENCY_NAME, d.agencyName()).set(COUNTY_DESK.WINDOW_NO, d.windowNo())
                            .set(COUNTY_DESK.NAME, d.name()).set(COUNTY_DESK.LAST_UPLOAD_AT, d.lastUploadAt())
                            .execute();
                }
            }
            if (page.version() > current) {
                tx.update(SYNC_STATE).set(SYNC_STATE.COUNTY_VERSION, page.version()).where(SYNC_STATE.ID.eq(1))
                        .execute();
            }
            return null;
        });
    }

    /** A supervisor's reassignment the province carried out: recorded (audited, with the reason) and applied. */
    public void recordReassign(ReassignRequest request, ReassignResult result, Actor actor) {
        requireProduction();
        desk.db().write(tx -> {
            Context ctx = context(tx);
            for (CaseHolder moved : result.moved()) {
                if (repo.holding(tx, moved.caseNo()).isPresent()) {
                    holder(tx, ctx, moved.caseNo(), moved, actor, request.reason());
                }
            }
            return null;
        });
    }

    /** Who holds the case as far as this desk knows (its own record, updated by the feed); empty when unknown. */
    public Optional<CaseHolder> holder(String caseNo) {
        DSLContext dsl = desk.db().dsl();
        Optional<Holding> h = repo.holding(dsl, caseNo == null ? "" : caseNo.trim());
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Holding x = h.get();
        AgencyRecord own = desk.agency().orElse(null);
        int window = Organisation.ownWindow(dsl);
        String ownCode = own == null ? null : own.getCode();
        String acceptor = x.acceptorAgency() != null ? x.acceptorAgency() : x.local() ? ownCode : null;
        Integer acceptorWindow = x.acceptorWindow() != null ? x.acceptorWindow() : x.local() ? window : null;
        if (x.heldHere()) {
            return Optional.of(new CaseHolder(caseNo.trim(), ownCode, own == null ? null : own.getName(), window,
                    Texts.get("holding.here"), x.nextAction(), null, acceptor, acceptorWindow));
        }
        return Optional.of(new CaseHolder(caseNo.trim(), x.holderAgency(),
                x.holderAgency() == null ? null : Organisation.agency(dsl, x.holderAgency())
                        .map(org.ybdesk.protocol.org.Agency::name).orElse(null),
                x.holderWindow(), x.holderName(), x.nextAction(), null, acceptor, acceptorWindow));
    }

    /**
     * The province answered a hand-off message (CASE_FORWARDED / CASE_RELEASED) of this desk: accepted → the case is
     * no longer held here (its copy becomes read-only until the feed says otherwise); refused → the pending hand-off
     * is cleared and the case stays held here (the refusal becomes a 退回任务 as any other). Called by SyncStore in
     * the transaction that records the answers.
     */
    public void handOffAnswered(org.jooq.DSLContext tx, String caseNo, boolean accepted) {
        Optional<Holding> h = repo.holding(tx, caseNo);
        if (h.isEmpty()) {
            return;
        }
        Holding before = h.get();
        Holding after;
        if (!accepted) {
            after = before.withHandOff(null);
        } else if (CaseRepository.RELEASE.equals(before.handOff())) {
            AgencyRecord own = desk.requireAgency();
            after = before.withHolder(false, own.getCode(), null, own.getName()).withHandOff(null);
        } else {
            after = before.withHolder(false, null, null, Texts.get("holding.forwarded")).withHandOff(null);
        }
        if (after.equals(before)) {
            return;
        }
        repo.setHolding(tx, caseNo, after);
        Map<String, Object> a = holdingView(caseNo, after);
        a.put("answer", accepted ? "ACCEPTED" : "REFUSED");
        desk.audited().record(tx, null, desk.now(), accepted ? "CASE_HANDOFF_ACK" : "CASE_HANDOFF_REFUSED", "CASE",
                caseNo, holdingView(caseNo, before), a, null);
    }

    // ------------------------------------------------------------------------------------------------ applying

    /** What applying entries needs of this desk, read once per transaction. */
    private static final class Context {
        final AgencyRecord agency;
        final int window;
        boolean rebuild;

        Context(AgencyRecord agency, int window) {
            this.agency = agency;
            this.window = window;
        }

        boolean own(String agencyCode, Integer windowNo) {
            return agency.getCode().equals(agencyCode) && windowNo != null && windowNo == window;
        }
    }

    private Context context(DSLContext tx) {
        return new Context(desk.requireAgency(), Organisation.ownWindow(tx));
    }

    private static Change change(FeedEntry e) {
        if (e.infno() == null || e.input() == null) {
            return null;
        }
        return ChangeKind.ofInfno(e.infno()).map(k -> k.read(e.input())).orElse(null);
    }

    /**
     * One entry: a change another desk made (the application → a FULL copy; a step → replayed; materials; a
     * hand-off) or a holder change decided at the province (claim, reassignment). Every entry then sets the holder it
     * carries. A step of this very desk (history of a case it acted on) is on its timeline already and is skipped.
     *
     * @throws IllegalArgumentException when a reported step does not fit the copy (nothing of it written)
     */
    private void apply(DSLContext tx, Context ctx, FeedEntry e) {
        OffsetDateTime now = desk.now();
        // 「某某乡镇服务点 2号窗口」: where the change was made
        String remoteDesk = Organisation.deskLabel(tx, e.agencyCode(), null, e.windowNo());
        if (FeedEntry.CHANGE.equals(e.kind()) && !ctx.own(e.agencyCode(), e.windowNo())) {
            Change change = change(e);
            if (change instanceof CaseReceived r) {
                receive(tx, ctx, e, r, remoteDesk, now);
            } else if (change instanceof CaseStepped s) {
                if (!repo.hasRemoteEvent(tx, e.msgid())) {
                    step(tx, e, s, remoteDesk, now);
                }
            } else if (change instanceof CaseMaterials m) {
                materials(tx, e, m, remoteDesk, now);
            } else if (change instanceof CaseHandOff) {
                // the holder it led to comes with the entry, below
            }
        }
        if (e.holder() != null && repo.holding(tx, e.caseNo()).isPresent()) {
            holder(tx, ctx, e.caseNo(), e.holder(), null, FeedEntry.REASSIGN.equals(e.kind()) ? e.reason() : null);
        }
    }

    /** The application of a case accepted elsewhere: a FULL copy (or a summary / astray copy started again). */
    private void receive(DSLContext tx, Context ctx, FeedEntry e, CaseReceived r, String remoteDesk,
                         OffsetDateTime now) {
        Optional<Holding> existing = repo.holding(tx, r.caseNo());
        if (existing.isPresent() && !ctx.rebuild) {
            return; // the copy has its application already
        }
        if (existing.isPresent() && existing.get().local()) {
            return; // a case made here is never started again from a report
        }
        ServiceItem item = desk.item(r.catalogVersion(), r.itemNo());
        Map<Integer, MaterialStatus> given = materialsOf(r.materials());
        LocalDate day = LocalDate.parse(r.onDay());
        CaseFile c = CaseFile.received(r.caseNo(), r.agencyCode(), item, r.catalogVersion(),
                new CaseFile.Applicant(ApplicantKind.valueOf(r.applicantKind()), r.applicantIdNumber(),
                        r.applicantName(), null, null, null),
                r.channel() == null ? Texts.get("holding.channel.remote") : r.channel(), r.fields(), given, null,
                null, day);
        String initials = NameIndex.initials(r.applicantName());
        CaseFile stored;
        Map<String, Object> before = null;
        if (existing.isPresent()) {
            CaseFile old = repo.find(tx, r.caseNo()).orElseThrow();
            before = CaseRepository.auditView(old, old.rowVersion());
            stored = repo.resetCopy(tx, old.id(), c, initials, now);
        } else {
            stored = repo.insert(tx, c, initials, null, now);
        }
        repo.setHolding(tx, r.caseNo(), new Holding(false, e.agencyCode(), e.windowNo(), null, null, null,
                CaseRepository.FULL, r.agencyCode(), e.windowNo(), e.version()));
        repo.addEvent(tx, stored.id(), new CaseRepository.Event(CaseRepository.RECEIVE, null, CaseState.RECEIVED,
                null, r.actorName(), r.actorPersonId(), at(r.occurredAt(), e.at(), now), day, List.of(), null, null,
                e.msgid(), remoteDesk));
        Map<String, Object> after = CaseRepository.auditView(stored, stored.rowVersion());
        remote(after, e, r.actorName(), r.actorPersonId(), remoteDesk);
        desk.audited().record(tx, null, now, "CASE_COPY", "CASE", r.caseNo(), before, after, null);
    }

    /** A step another desk took: replayed through the lifecycle's effects, on the timeline with its message id. */
    private void step(DSLContext tx, FeedEntry e, CaseStepped s, String remoteDesk, OffsetDateTime now) {
        CaseFile c = repo.lock(tx, s.caseNo()).orElseThrow();
        CaseFile.ReportedStep r = new CaseFile.ReportedStep(CaseAction.valueOf(s.action()),
                s.fromState() == null ? null : CaseState.valueOf(s.fromState()),
                s.toState() == null ? null : CaseState.valueOf(s.toState()), LocalDate.parse(s.onDay()),
                at(s.occurredAt(), e.at(), now), s.actorName(), s.actorPersonId(), s.reasons(),
                s.amountFen() == null ? null : Money.ofFen(s.amountFen()));
        CaseFile.Step st = c.replay(r);
        saveStep(tx, c, st, r, e.msgid(), remoteDesk, s.message(), now);
        Map<String, Object> after = CaseRepository.auditView(repo.find(tx, c.caseNo()).orElseThrow(),
                c.rowVersion() + 1);
        remote(after, e, s.actorName(), s.actorPersonId(), remoteDesk);
        desk.audited().record(tx, null, now, "CASE_REMOTE_" + r.action().name(), "CASE", c.caseNo(),
                CaseRepository.auditView(c, c.rowVersion()), after, null);
    }

    /**
     * Saves a replayed step: the case with the due date by this desk's own deadline rule, the timeline entry, and
     * the applicant's message when the step has an outcome (so the accepting desk can send and print it).
     */
    private void saveStep(DSLContext tx, CaseFile c, CaseFile.Step st, CaseFile.ReportedStep r, String msgid,
                          String remoteDesk, String reportedMessage, OffsetDateTime now) {
        LocalDate today = desk.today();
        CaseFile after = st.after();
        CaseViews.DeadlineView d = CaseQueries.deadline(after, today, desk.deadlines());
        after = after.withDueOn(d == null ? null : d.dueDate());
        if (r.action() == CaseAction.ACCEPT && d != null && d.dueDate() != null) {
            after = after.withPromise(new CaseFile.Promise(d.dueDate(), d.provisional()));
        }
        CaseFile saved = repo.save(tx, c, after, now);
        long eventId = repo.addEvent(tx, c.id(), new CaseRepository.Event(r.action().name(), st.transition().from(),
                st.transition().to(), null, r.actorName() == null ? "" : r.actorName(), r.actorPersonId(),
                r.at() == null ? now : r.at(), r.onDay(), st.command().reasons(), null, st.command().amount(), msgid,
                remoteDesk));
        if (st.transition().outcome() != null) {
            String text = reportedMessage;
            if (text == null) {
                try {
                    text = desk.cases().message(desk.requireAgency(), saved, st.transition(), st.command(),
                            r.onDay());
                } catch (ServiceException incomplete) {
                    text = null; // a summary copy has no fields to fill the template: no message
                }
            }
            if (text != null) {
                repo.addMessage(tx, c.id(), eventId, st.transition().outcome().name(), text, now);
            }
        }
    }

    private void materials(DSLContext tx, FeedEntry e, CaseMaterials m, String remoteDesk, OffsetDateTime now) {
        CaseFile c = repo.lock(tx, m.caseNo()).orElseThrow();
        CaseFile after = c.withReportedMaterials(materialsOf(m.materials()));
        if (after.materials().equals(c.materials())) {
            return;
        }
        CaseFile saved = repo.save(tx, c, after, now);
        Map<String, Object> a = CaseRepository.auditView(saved, saved.rowVersion());
        remote(a, e, e.opterName(), null, remoteDesk);
        desk.audited().record(tx, null, now, "CASE_REMOTE_MATERIALS", "CASE", c.caseNo(),
                CaseRepository.auditView(c, c.rowVersion()), a, null);
    }

    /**
     * Sets who holds the case (the province's word), audited when it changes anything: with the supervisor and the
     * reason for a reassignment, else by the system. A pending hand-off of this desk is kept only while the province
     * still names this desk as holder.
     */
    private void holder(DSLContext tx, Context ctx, String caseNo, CaseHolder h, Actor actor, String reason) {
        Holding before = repo.holding(tx, caseNo).orElseThrow();
        boolean here = ctx.own(h.agencyCode(), h.windowNo());
        String name = h.agencyName();
        Holding after = new Holding(here, here ? null : h.agencyCode(), here ? null : h.windowNo(),
                here ? null : name, here ? before.handOff() : null, before.nextAction(), before.copyKind(),
                h.acceptorAgencyCode() != null ? h.acceptorAgencyCode() : before.acceptorAgency(),
                h.acceptorWindowNo() != null ? h.acceptorWindowNo() : before.acceptorWindow(),
                before.provinceVersion());
        if (before.local() && before.acceptorAgency() == null && ctx.own(h.acceptorAgencyCode(), h.acceptorWindowNo())) {
            // accepted here: keep null (= this desk), as every case made here before issue 12
            after = new Holding(after.heldHere(), after.holderAgency(), after.holderWindow(), after.holderName(),
                    after.handOff(), after.nextAction(), after.copyKind(), null, null, after.provinceVersion());
        }
        if (after.equals(before) && reason == null) {
            return;
        }
        repo.setHolding(tx, caseNo, after);
        Map<String, Object> a = holdingView(caseNo, after);
        if (reason != null) {
            a.put("reason", reason);
        }
        desk.audited().record(tx, actor, desk.now(), reason != null ? "CASE_REASSIGN" : "CASE_HOLDER", "CASE",
                caseNo, holdingView(caseNo, before), a, null);
    }

    /** A county summary: a read-only SUMMARY copy rebuilt by replaying its steps. */
    private void summary(DSLContext tx, Context ctx, CaseSummary s) {
        OffsetDateTime now = desk.now();
        ServiceItem item = desk.item(s.catalogVersion(), s.itemNo());
        CaseHolder h = s.holder();
        String acceptor = h != null && h.acceptorAgencyCode() != null ? h.acceptorAgencyCode()
                : h != null ? h.agencyCode() : ctx.agency.getCode();
        LocalDate received = LocalDate.parse(s.receivedOn());
        CaseFile c = CaseFile.received(s.caseNo(), acceptor, item, s.catalogVersion(),
                new CaseFile.Applicant(ApplicantKind.valueOf(s.applicantKind()), s.applicantIdNumber(),
                        s.applicantName(), null, null, null),
                s.channel() == null ? Texts.get("holding.channel.remote") : s.channel(), Map.of(), Map.of(), null,
                null, received);
        // the steps replayed in memory first (the same effects, no database per step), then stored at once
        String marker = Texts.get("holding.copy.SUMMARY");
        CaseFile cur = c;
        List<CaseRepository.Event> events = new ArrayList<>();
        // who took the application in (the ledger's 经办人), when the summary names it
        CaseSummary.Step receipt = s.steps().stream().filter(x -> CaseRepository.RECEIVE.equals(x.action()))
                .findFirst().orElse(null);
        events.add(new CaseRepository.Event(CaseRepository.RECEIVE, null, CaseState.RECEIVED, null,
                receipt == null || receipt.actorName() == null ? "" : receipt.actorName(), null,
                at(receipt == null ? null : receipt.at(), null, received.atStartOfDay(Desk.ZONE).toOffsetDateTime()),
                received, List.of(), null, null, null, marker));
        for (CaseSummary.Step step : s.steps()) {
            CaseAction action;
            try {
                action = CaseAction.valueOf(step.action());
            } catch (IllegalArgumentException notAStep) {
                continue; // RECEIVE and other timeline entries that are no lifecycle step
            }
            CaseFile.ReportedStep r = new CaseFile.ReportedStep(action,
                    step.fromState() == null ? null : CaseState.valueOf(step.fromState()),
                    step.toState() == null ? null : CaseState.valueOf(step.toState()), LocalDate.parse(step.onDay()),
                    at(step.at(), null, now), step.actorName(), null, List.of(),
                    step.amountFen() == null ? null : Money.ofFen(step.amountFen()));
            CaseFile.Step st;
            try {
                st = cur.replay(r);
            } catch (IllegalArgumentException disagree) {
                throw new ServiceException(Texts.get("holding.summary.invalid", s.caseNo(), disagree.getMessage()));
            }
            events.add(new CaseRepository.Event(action.name(), st.transition().from(), st.transition().to(), null,
                    r.actorName() == null ? "" : r.actorName(), null, r.at(), r.onDay(), st.command().reasons(), null,
                    st.command().amount(), null, marker));
            cur = st.after();
        }
        CaseViews.DeadlineView d = CaseQueries.deadline(cur, desk.today(), desk.deadlines());
        cur = cur.withDueOn(d == null ? null : d.dueDate());
        String initials = NameIndex.initials(s.applicantName());
        Optional<CaseFile> old = repo.find(tx, s.caseNo());
        Map<String, Object> before = old.map(o -> CaseRepository.auditView(o, o.rowVersion())).orElse(null);
        CaseFile stored = old.isPresent() ? repo.resetCopy(tx, old.get().id(), c, initials, now)
                : repo.insert(tx, c, initials, null, now);
        CaseFile saved = repo.save(tx, stored, cur.withId(stored.id()).withRowVersion(stored.rowVersion()), now);
        for (CaseRepository.Event ev : events) {
            repo.addEvent(tx, stored.id(), ev);
        }
        boolean here = h != null && ctx.own(h.agencyCode(), h.windowNo());
        repo.setHolding(tx, s.caseNo(), new Holding(here, h == null ? null : h.agencyCode(),
                h == null ? null : h.windowNo(), h == null ? null : h.agencyName(), null, null, CaseRepository.SUMMARY, acceptor,
                h == null ? null : h.acceptorWindowNo(), s.version()));
        Map<String, Object> after = CaseRepository.auditView(saved, saved.rowVersion());
        after.put("countyVersion", s.version());
        desk.audited().record(tx, null, now, "CASE_SUMMARY", "CASE", s.caseNo(), before, after, null);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<Integer, MaterialStatus> materialsOf(Map<String, String> m) {
        Map<Integer, MaterialStatus> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> {
                try {
                    out.put(Integer.valueOf(k), MaterialStatus.valueOf(v));
                } catch (IllegalArgumentException ignored) {
                    // a number or status this release does not know: the copy keeps its own value
                }
            });
        }
        return out;
    }

    /** When a step happened: the change's own ISO time, else the entry's 「yyyy-MM-dd HH:mm:ss」 (Beijing), else now. */
    private static OffsetDateTime at(String iso, String provinceTime, OffsetDateTime now) {
        if (iso != null) {
            try {
                return OffsetDateTime.parse(iso);
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        if (provinceTime != null) {
            try {
                return LocalDateTime.parse(provinceTime, PROVINCE_TIME).atZone(Desk.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        return now;
    }

    private static void remote(Map<String, Object> after, FeedEntry e, String actorName, String personId,
                               String remoteDesk) {
        after.put("remoteDesk", remoteDesk);
        after.put("remoteActor", actorName);
        if (personId != null) {
            after.put("remotePersonId", personId);
        }
        after.put("msgid", e.msgid());
        after.put("feedVersion", e.version());
    }

    private static Map<String, Object> holdingView(String caseNo, Holding h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", caseNo);
        m.put("heldHere", h.heldHere());
        m.put("holderAgency", h.holderAgency());
        m.put("holderWindow", h.holderWindow());
        m.put("holderName", h.holderName());
        m.put("handOff", h.handOff());
        m.put("copyKind", h.copyKind());
        return m;
    }

    private void requireProduction() {
        if (desk.mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("handoff.sandbox"));
        }
    }

    /**
     * The organisation as this desk knows it (for an administrator to view): its agency and level, its window, every
     * agency of the province's list, and the routing in force for its 统筹区 with the key it came under (the
     * 统筹区's own entry, else {@code *}); empty lists and null routing on a standalone desk.
     */
    public record OrgView(String agencyCode, String agencyName, String level, String parentCode, int windowNo,
                          List<org.ybdesk.protocol.org.Agency> agencies, String routingKey,
                          org.ybdesk.protocol.org.Routing routing) {
    }

    public OrgView organisation() {
        DSLContext dsl = desk.db().dsl();
        var own = desk.agency().orElse(null);
        String code = own == null ? null : own.getCode();
        var mine = code == null ? Optional.<org.ybdesk.protocol.org.Agency>empty() : Organisation.agency(dsl, code);
        String division = own == null ? null : own.getAdminDivisionCode();
        var routing = division == null ? Optional.<org.ybdesk.protocol.org.Routing>empty()
                : Organisation.routing(dsl, division);
        return new OrgView(code, own == null ? null : own.getName(), mine.map(org.ybdesk.protocol.org.Agency::level)
                .orElse(null), mine.map(org.ybdesk.protocol.org.Agency::parentCode).orElse(null),
                Organisation.ownWindow(dsl), Organisation.agencies(dsl), routing.map(
                        org.ybdesk.protocol.org.Routing::admdvs).orElse(null), routing.orElse(null));
    }
}
