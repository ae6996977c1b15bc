package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_ATTACHMENT;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_NOTE;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_MESSAGE;
import static org.ybdesk.db.jooq.Tables.CASE_PAUSE;
import static org.ybdesk.db.jooq.Tables.CASE_SEQ;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.calendar.Deadline;
import org.ybdesk.core.calendar.DeadlineInput;
import org.ybdesk.core.calendar.Pause;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.MaterialSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.catalog.TimeLimit;
import org.ybdesk.core.lifecycle.ActionRecord;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseSnapshot;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Outcome;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.lifecycle.Transition;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.core.message.MessageRenderer;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.Json;
import org.ybdesk.db.jooq.tables.records.AgencyRecord;
import org.ybdesk.db.jooq.tables.records.CaseEventRecord;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;
import org.ybdesk.service.CaseViews.AttachmentView;
import org.ybdesk.service.CaseViews.CaseSummary;
import org.ybdesk.service.CaseViews.NoteView;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.DeadlineView;
import org.ybdesk.service.CaseViews.EventView;
import org.ybdesk.service.CaseViews.MaterialLine;
import org.ybdesk.service.CaseViews.MessageView;

/**
 * Case files: intake, every lifecycle step, and the lists. Each change is one transaction writing the new state,
 * the timeline event, the applicant's message (when the step has one), the audit record and the outbox message.
 */
public final class CaseService {
    /** The pseudo-action recorded on the timeline when an application is taken in. */
    public static final String RECEIVE = "RECEIVE";
    /**
     * The pseudo-action recorded on the timeline when the due date moves because the working calendar changed (a
     * year's notice arrived): not a lifecycle step, the state stays (issue 10, D83).
     */
    public static final String DUE_CHANGE = "DUE_CHANGE";

    /** Whether a timeline action is a lifecycle step ({@link CaseAction}), not {@link #RECEIVE} or {@link #DUE_CHANGE}. */
    public static boolean isStep(String action) {
        return !RECEIVE.equals(action) && !DUE_CHANGE.equals(action);
    }
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<Integer, MaterialStatus>> MATERIALS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final Set<CaseState> NOT_COUNTING = EnumSet.of(CaseState.RECEIVED, CaseState.SUPPLEMENTING,
            CaseState.CLOSED, CaseState.REFUSED, CaseState.REJECTED);

    private final Desk desk;
    private final RegistryEffects registryEffects;

    CaseService(Desk desk) {
        this.desk = desk;
        this.registryEffects = new RegistryEffects(desk);
    }

    /**
     * Who applies. For persons: ID type, ID number, name; for units and institutions: the unified social credit
     * code (as {@code idNumber}) and the name.
     */
    public record Applicant(IdType idType, String idNumber, String name, String phone) {
    }

    /**
     * An application as taken in at the window.
     *
     * @param materials status of each of the item's materials by number; a material not listed is MISSING
     * @param declared  settlements (27/28): the amount declared
     * @param reconciled settlements (27/28): the amount the reconciliation arrived at
     */
    public record NewCase(int itemNo, Applicant applicant, Map<String, String> fields,
                          Map<Integer, MaterialStatus> materials, String channel, Money declared, Money reconciled) {
    }

    // ------------------------------------------------------------------------------------------------ intake

    /**
     * Takes in an application (state 待受理). All problems at once; nothing is written if there is any. Warnings
     * (something unusual, D97) are not confirmed by this call: they are thrown as {@link WarningsToConfirm}.
     */
    public CaseView create(NewCase req, Actor actor) {
        return create(req, actor, false);
    }

    /**
     * As {@link #create(NewCase, Actor)}; with {@code warningsConfirmed} the clerk has seen and confirmed the
     * warnings, which are then recorded with the application (the RECEIVE step's reasons on the timeline, and
     * {@code confirmedWarnings} in its audit record). Without it, any warning throws {@link WarningsToConfirm} and
     * nothing is written. Problems always refuse, confirmed or not.
     */
    public CaseView create(NewCase req, Actor actor, boolean warningsConfirmed) {
        AgencyRecord agency = desk.requireAgency();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ServiceItem> found = desk.catalog().find(req.itemNo());
        if (found.isEmpty()) {
            throw new ServiceException(Texts.get("case.item.unknown", String.valueOf(req.itemNo())));
        }
        ServiceItem item = found.get();
        if (!actor.has(Role.CLERK)) {
            problems.add(Texts.get("case.create.role"));
        }
        Applicant ap = req.applicant();
        boolean personApplicant = item.applicantKind() == ApplicantKind.PERSON;
        String idLabel = Texts.get(personApplicant ? "label.applicantId" : "label.applicantCreditCode");
        List<String> idFlaws = InputHygiene.line(idLabel, ap == null ? null : ap.idNumber(), FieldLimits.ID_NUMBER);
        List<String> nameFlaws = InputHygiene.line(Texts.get("label.applicantName"), ap == null ? null : ap.name(),
                personApplicant ? FieldLimits.PERSON_NAME : FieldLimits.APPLICANT_NAME);
        problems.addAll(idFlaws);
        problems.addAll(nameFlaws);
        problems.addAll(InputHygiene.line(Texts.get("label.applicantPhone"), ap == null ? null : ap.phone(),
                FieldLimits.PHONE));
        problems.addAll(InputHygiene.line(Texts.get("label.channel"), req.channel(), FieldLimits.CHANNEL));
        String apId = ap == null || ap.idNumber() == null || !idFlaws.isEmpty() ? ""
                : Validators.normalizeId(ap.idNumber());
        String apName = ap == null || ap.name() == null || !nameFlaws.isEmpty() ? "" : InputHygiene.tidy(ap.name());
        PersonRecord person = null;
        UnitRecord unit = null;
        if (!idFlaws.isEmpty()) {
            // the number itself cannot be read: its format checks would only repeat the problem
        } else if (personApplicant) {
            IdType t = ap == null || ap.idType() == null ? IdType.RESIDENT_ID : ap.idType();
            Validators.idNumber(t, apId, desk.today()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantId"), p)));
            if (item.leafFields().noneMatch(f -> f.key().equals("idNumber"))) { // else the field's check warns
                Validators.idNumberWarnings(t, apId, desk.today()).forEach(w -> warnings.add(
                        Texts.get("field.problem", Texts.get("label.applicantId"), w)));
            }
            person = desk.db().dsl().selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(apId)).limit(1).fetchOne();
            if (person != null && !apName.isEmpty() && !person.getName().equals(apName)) {
                problems.add(Texts.get("case.applicant.nameMismatch", person.getName()));
            }
            if (apName.isEmpty() && person != null) {
                apName = person.getName();
            }
        } else {
            apId = apId.toUpperCase();
            Validators.creditCode(apId).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantCreditCode"), p)));
            unit = desk.db().dsl().selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(apId)).fetchOne();
            if (apName.isEmpty() && unit != null) {
                apName = unit.getName();
            }
        }
        if (apName.isEmpty() && nameFlaws.isEmpty()) {
            problems.add(Texts.get("case.applicant.nameMissing"));
        }
        if (ap != null && ap.phone() != null && !ap.phone().isBlank() && InputHygiene.isCleanLine(ap.phone())) {
            Validators.landlineOrMobile(ap.phone()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.applicantPhone"), p)));
        }
        Map<String, String> fields = prefill(item, req.fields() == null ? Map.of() : req.fields(), ap, apId, apName);
        java.util.Set<String> refusedElsewhere = new java.util.HashSet<>();
        if (!nameFlaws.isEmpty()) {
            refusedElsewhere.addAll(List.of("name", "insuredName", "unitName", "institutionName", "pharmacyName"));
        }
        if (!idFlaws.isEmpty()) {
            refusedElsewhere.addAll(List.of("idNumber", "creditCode", "creditCodeOrUnitCode"));
        }
        if (ap != null && !InputHygiene.isCleanLine(ap.phone())) {
            refusedElsewhere.add("phone");
        }
        IntakeCheck.Result checked = IntakeCheck.check(item, fields, refusedElsewhere, desk.today());
        problems.addAll(checked.problems());
        warnings.addAll(checked.warnings());
        Map<Integer, MaterialStatus> materials = new LinkedHashMap<>();
        for (Integer no : req.materials().keySet()) {
            if (item.materials().stream().noneMatch(m -> m.no() == no)) {
                problems.add(Texts.get("case.material.unknown", String.valueOf(no), item.name()));
            }
        }
        for (MaterialSpec m : item.materials()) {
            materials.put(m.no(), req.materials().getOrDefault(m.no(), MaterialStatus.MISSING));
        }
        String channel = req.channel() == null || req.channel().isBlank() ? Texts.get("case.channel.default")
                : InputHygiene.tidy(req.channel());
        if (item.flow() == FlowVariant.SETTLEMENT && (req.declared() == null || req.reconciled() == null)) {
            problems.add(Texts.get("case.settlement.amounts"));
        }
        if (req.declared() != null) {
            problems.addAll(InputHygiene.paidAmount(Texts.get("label.declared"), req.declared()));
        }
        if (req.reconciled() != null) {
            problems.addAll(InputHygiene.paidAmount(Texts.get("label.reconciled"), req.reconciled()));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        if (!warnings.isEmpty() && !warningsConfirmed) {
            throw new WarningsToConfirm(warnings);
        }
        List<String> confirmed = List.copyOf(warnings);
        String name = apName;
        String idNo = apId;
        Long personId = person == null ? null : person.getId();
        Long unitId = unit == null ? null : unit.getId();
        String caseNo = desk.db().write(tx -> {
            LocalDate today = desk.today();
            OffsetDateTime now = desk.now();
            String no = nextCaseNo(tx, desk.db().numbers(), agency.getCode(), today);
            CaseFileRecord c = tx.newRecord(CASE_FILE);
            c.setCaseNo(no);
            c.setAgencyCode(agency.getCode());
            c.setItemNo(item.no());
            c.setCatalogVersion(desk.catalog().version());
            c.setState(CaseState.RECEIVED.name());
            c.setApplicantKind(item.applicantKind().name());
            c.setPersonId(personId);
            c.setUnitId(unitId);
            c.setApplicantName(name);
            c.setApplicantInitials(NameIndex.initials(name));
            c.setNextRole(nextRole(item, CaseState.RECEIVED));
            c.setApplicantIdNumber(idNo);
            c.setApplicantPhone(ap == null ? null : InputHygiene.tidyOrNull(ap.phone()));
            c.setChannel(channel);
            c.setReceivedOn(today);
            c.setFieldsJson(Json.write(checked.values()));
            c.setMaterialsJson(Json.write(materials));
            c.setDeclaredFen(req.declared() == null ? null : req.declared().fen());
            c.setReconciledFen(req.reconciled() == null ? null : req.reconciled().fen());
            c.setCreatedBy(actor.id());
            c.setCreatedAt(now);
            c.setUpdatedAt(now);
            c.setRowVersion(0);
            c.store();
            CaseEventRecord e = event(tx, c, RECEIVE, null, CaseState.RECEIVED, actor, now, today, confirmed,
                    confirmed.isEmpty() ? null : Texts.get("case.warnings.confirmed", actor.name(),
                            String.valueOf(confirmed.size())), null);
            Map<String, Object> after = caseMap(c);
            if (!confirmed.isEmpty()) {
                after.put("confirmedWarnings", confirmed);
                after.put("warningsConfirmedBy", actor.name());
            }
            Map<String, Object> payload = payload(c, e, actor);
            payload.put("fields", checked.values());
            payload.put("materials", materials);
            desk.audited().record(tx, actor, now, "CASE_" + RECEIVE, "CASE", no, null, after, "CASE_RECEIVED", payload);
            return no;
        });
        return show(caseNo, actor);
    }

    /** Fills empty fields the applicant's identity already answers (name, ID, phone, credit code, unit name). */
    private static Map<String, String> prefill(ServiceItem item, Map<String, String> given, Applicant ap, String id,
                                               String name) {
        Map<String, String> f = new LinkedHashMap<>(given);
        boolean person = item.applicantKind() == ApplicantKind.PERSON;
        Map<String, String> known = new LinkedHashMap<>();
        if (person) {
            known.put("name", name);
            known.put("insuredName", name);
            known.put("idType", (ap == null || ap.idType() == null ? IdType.RESIDENT_ID : ap.idType()).label());
            known.put("idNumber", id);
            if (ap != null && ap.phone() != null && InputHygiene.isCleanLine(ap.phone())) {
                known.put("phone", ap.phone());
            }
        } else {
            known.put("creditCode", id);
            known.put("creditCodeOrUnitCode", id);
            known.put("unitName", name);
            known.put("institutionName", name);
            known.put("pharmacyName", name);
        }
        known.forEach((k, v) -> {
            if (v != null && !v.isBlank() && item.leafFields().anyMatch(x -> x.key().equals(k))
                    && (f.get(k) == null || f.get(k).isBlank())) {
                f.put(k, v);
            }
        });
        return f;
    }

    private static String nextCaseNo(DSLContext tx, org.ybdesk.db.NumberLedger ledger, String agencyCode,
                                     LocalDate day) {
        int updated = tx.update(CASE_SEQ).set(CASE_SEQ.LAST_SEQ, CASE_SEQ.LAST_SEQ.plus(1))
                .where(CASE_SEQ.AGENCY_CODE.eq(agencyCode), CASE_SEQ.SEQ_DAY.eq(day)).execute();
        if (updated == 0) {
            tx.insertInto(CASE_SEQ).set(CASE_SEQ.AGENCY_CODE, agencyCode).set(CASE_SEQ.SEQ_DAY, day)
                    .set(CASE_SEQ.LAST_SEQ, 1).execute();
        }
        int counted = tx.select(CASE_SEQ.LAST_SEQ).from(CASE_SEQ)
                .where(CASE_SEQ.AGENCY_CODE.eq(agencyCode), CASE_SEQ.SEQ_DAY.eq(day)).fetchOne(CASE_SEQ.LAST_SEQ);
        String prefix = agencyCode + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        // The ledger outside the database file holds every number ever handed out: a number is never issued twice,
        // even if the database lost its tail or an older backup was restored into this folder.
        int seq = (int) ledger.reserve("CASE:" + prefix, counted);
        if (seq != counted) {
            tx.update(CASE_SEQ).set(CASE_SEQ.LAST_SEQ, seq)
                    .where(CASE_SEQ.AGENCY_CODE.eq(agencyCode), CASE_SEQ.SEQ_DAY.eq(day)).execute();
        }
        return org.ybdesk.core.validation.CaseNumbers.format(agencyCode, day, seq);
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** Takes a lifecycle step. All reasons it may not be taken at once; nothing is written then. */
    public CaseView act(String caseNo, Command cmd, String note, Actor actor) {
        AgencyRecord agency = desk.requireAgency();
        List<String> inputProblems = new ArrayList<>(caseNoProblems(caseNo));
        for (String r : cmd.reasons()) {
            inputProblems.addAll(InputHygiene.lines(Texts.get("label.reason"), r, FieldLimits.REASON));
        }
        inputProblems.addAll(InputHygiene.lines(Texts.get("label.note"), note, FieldLimits.EVENT_NOTE));
        if (cmd.amount() != null && cmd.amount().fen() > 0) { // zero and negative amounts: the lifecycle says why not
            inputProblems.addAll(InputHygiene.paidAmount(Texts.get("label.amount"), cmd.amount()));
        }
        if (!inputProblems.isEmpty()) {
            throw new ServiceException(inputProblems);
        }
        desk.db().write(tx -> {
            CaseFileRecord c = tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo.trim())).forUpdate()
                    .fetchOne();
            if (c == null) {
                throw new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo)));
            }
            ServiceItem item = desk.catalog().item(c.getItemNo());
            LocalDate today = desk.today();
            OffsetDateTime now = desk.now();
            CaseSnapshot snap = snapshot(tx, c, item);
            List<String> problems = new ArrayList<>(amountProblems(item, snap, cmd, tx));
            // 支付 pays the decided amount when none is typed
            Command step = cmd.action() == CaseAction.PAY && cmd.amount() == null
                    ? cmd.withAmount(Lifecycle.payable(snap).orElse(null)) : cmd;
            Transition t = null;
            try {
                t = Lifecycle.decide(snap, actor, step, today);
            } catch (TransitionRefused e) {
                problems.addAll(e.reasons());
            }
            Map<String, String> fields = Json.read(c.getFieldsJson(), FIELDS);
            if (step.action() == CaseAction.ACCEPT && snap.state() == CaseState.RECEIVED) {
                // materials required by the values, and never none at all (one rule for every item, in core)
                problems.addAll(IntakeCheck.materialProblems(item, fields, Json.read(c.getMaterialsJson(), MATERIALS)));
                // a variant the registry cannot take (暂停 of someone not registered here…) is refused now, not at 办结
                problems.addAll(registryEffects.problems(tx, c, item, fields));
            } else if (t != null && t.to() == CaseState.CLOSED) {
                problems.addAll(registryEffects.problems(tx, c, item, fields));
            }
            problems.addAll(effectProblems(tx, c, item, step));
            if (!problems.isEmpty()) {
                throw new ServiceException(problems);
            }
            Map<String, Object> before = caseMap(c);
            apply(tx, c, item, t, step, today, now);
            CaseEventRecord e = event(tx, c, step.action().name(), t.from(), t.to(), actor, now, today,
                    step.reasons(), note, step.amount());
            // the registry first (each change audited before → after), only then the outcome message (已完成)
            applyRegistryEffects(tx, c, item, t, step, actor, now);
            String message = t.outcome() == null ? null : message(item, agency, c, t, step, today);
            if (message != null) {
                tx.insertInto(CASE_MESSAGE).set(CASE_MESSAGE.CASE_ID, c.getId()).set(CASE_MESSAGE.EVENT_ID, e.getId())
                        .set(CASE_MESSAGE.KIND, t.outcome().name()).set(CASE_MESSAGE.MESSAGE_TEXT, message)
                        .set(CASE_MESSAGE.CREATED_AT, now).execute();
            }
            Map<String, Object> payload = payload(c, e, actor);
            if (message != null) {
                payload.put("message", message);
            }
            desk.audited().record(tx, actor, now, "CASE_" + step.action().name(), "CASE", c.getCaseNo(), before, caseMap(c),
                    "CASE_TRANSITION", payload);
            return null;
        });
        return show(caseNo.trim(), actor);
    }

    /**
     * An amount where the step takes none, and an amount above the desk's large-amount threshold typed without the
     * person's explicit confirmation (D87). The amount's own checks (missing, zero, differing from the decided one)
     * are the lifecycle's.
     */
    private List<String> amountProblems(ServiceItem item, CaseSnapshot snap, Command cmd, DSLContext tx) {
        CaseAction a = cmd.action();
        boolean decided = Lifecycle.decidesAmountAtReview(item);
        boolean takesAmount = a == CaseAction.MOVE_BALANCE || a == CaseAction.PAY
                || (decided && (a == CaseAction.REVIEW || a == CaseAction.RECHECK));
        if (cmd.amount() != null && !takesAmount) {
            return List.of(Texts.get(decided ? "case.amount.notExpected.decided" : "case.amount.notExpected"));
        }
        // the amount that decides the money: typed at 审核 and 复核, or at 支付 for a case without a decided amount
        boolean deciding = a == CaseAction.REVIEW || a == CaseAction.RECHECK
                || (a == CaseAction.PAY && Lifecycle.payable(snap).isEmpty());
        Money threshold = largeAmountThreshold(tx);
        if (deciding && cmd.amount() != null && cmd.amount().compareTo(threshold) > 0 && !cmd.confirmLarge()) {
            return List.of(Texts.get("case.amount.large", a.label(item.flow()), cmd.amount().toYuanString(),
                    threshold.toYuanString()));
        }
        return List.of();
    }

    // ------------------------------------------------------------------------------------------------ settings

    /** The desk setting naming the large-amount threshold in fen. */
    static final String SETTING_LARGE_AMOUNT = "case.largeAmountFen";
    /** Default threshold above which an amount needs explicit confirmation: 50,000.00 yuan. */
    public static final Money DEFAULT_LARGE_AMOUNT = Money.ofFen(5_000_000);

    /** Above this amount 审核/复核 (and a payment without a decided amount) need explicit confirmation. */
    public Money largeAmountThreshold() {
        return largeAmountThreshold(desk.db().dsl());
    }

    private static Money largeAmountThreshold(DSLContext dsl) {
        String v = dsl.select(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING).from(org.ybdesk.db.jooq.Tables.DESK_SETTING)
                .where(org.ybdesk.db.jooq.Tables.DESK_SETTING.NAME.eq(SETTING_LARGE_AMOUNT))
                .fetchOne(org.ybdesk.db.jooq.Tables.DESK_SETTING.SETTING);
        try {
            return v == null ? DEFAULT_LARGE_AMOUNT : Money.ofFen(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return DEFAULT_LARGE_AMOUNT;
        }
    }

    /** Sets the large-amount threshold (administrator; audited). */
    public Money setLargeAmountThreshold(Money threshold, Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("case.largeAmount.needsAdmin"));
        }
        if (threshold == null || threshold.fen() <= 0) {
            throw new ServiceException(Texts.get("case.largeAmount.positive"));
        }
        List<String> flaws = InputHygiene.paidAmount(Texts.get("label.largeAmount"), threshold);
        if (!flaws.isEmpty()) {
            throw new ServiceException(flaws);
        }
        OffsetDateTime now = desk.now();
        var ds = org.ybdesk.db.jooq.Tables.DESK_SETTING;
        desk.db().write(tx -> {
            Money before = largeAmountThreshold(tx);
            String value = Long.toString(threshold.fen());
            tx.mergeInto(ds).using(DSL.selectOne()).on(ds.NAME.eq(SETTING_LARGE_AMOUNT))
                    .whenMatchedThenUpdate().set(ds.SETTING, value).set(ds.UPDATED_AT, now)
                    .whenNotMatchedThenInsert(ds.NAME, ds.SETTING, ds.UPDATED_AT)
                    .values(SETTING_LARGE_AMOUNT, value, now).execute();
            desk.audited().record(tx, actor, now, "LARGE_AMOUNT_CONFIGURE", "SETTING", SETTING_LARGE_AMOUNT,
                    Map.of("thresholdFen", before.fen()), Map.of("thresholdFen", threshold.fen()), null, null);
            return null;
        });
        return largeAmountThreshold();
    }

    /** The role whose work the case waits for (the role of its first positive next step), null when finished. */
    static String nextRole(ServiceItem item, CaseState state) {
        return Lifecycle.possible(item, state).entrySet().stream()
                .filter(e -> !e.getKey().needsReasons())
                .map(e -> e.getValue().name()).findFirst().orElse(null);
    }

    /** Updates materials received during 补正 (the clerk ticks what arrived), before RESUME. */
    public CaseView updateMaterials(String caseNo, Map<Integer, MaterialStatus> changes, Actor actor) {
        requireCaseNo(caseNo);
        desk.db().write(tx -> {
            CaseFileRecord c = tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo.trim())).forUpdate()
                    .fetchOne();
            if (c == null) {
                throw new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo)));
            }
            ServiceItem item = desk.catalog().item(c.getItemNo());
            CaseState state = CaseState.valueOf(c.getState());
            List<String> problems = new ArrayList<>();
            if (state != CaseState.RECEIVED && state != CaseState.SUPPLEMENTING) {
                problems.add(Texts.get("case.materials.state", state.label()));
            }
            if (!actor.has(Role.CLERK)) {
                problems.add(Texts.get("case.create.role"));
            }
            for (Integer no : changes.keySet()) {
                if (item.materials().stream().noneMatch(m -> m.no() == no)) {
                    problems.add(Texts.get("case.material.unknown", String.valueOf(no), item.name()));
                }
            }
            if (!problems.isEmpty()) {
                throw new ServiceException(problems);
            }
            Map<String, Object> before = caseMap(c);
            Map<Integer, MaterialStatus> m = new LinkedHashMap<>(Json.read(c.getMaterialsJson(), MATERIALS));
            m.putAll(changes);
            c.setMaterialsJson(Json.write(m));
            c.setUpdatedAt(desk.now());
            c.setRowVersion(c.getRowVersion() + 1);
            c.update();
            desk.audited().record(tx, actor, desk.now(), "CASE_MATERIALS", "CASE", c.getCaseNo(), before, caseMap(c),
                    "CASE_MATERIALS", Map.of("caseNo", c.getCaseNo(), "materials", m));
            return null;
        });
        return show(caseNo.trim(), actor);
    }

    /**
     * The case as the lifecycle sees it. Each past step carries the person who took it: the staff ID number stored
     * with the step, or for steps stored before V7 the account's current number (D72).
     */
    private CaseSnapshot snapshot(DSLContext tx, CaseFileRecord c, ServiceItem item) {
        List<ActionRecord> history = new ArrayList<>();
        var rows = tx.select(CASE_EVENT.ACTION, CASE_EVENT.ACTOR_ID, CASE_EVENT.ACTOR_PERSON_ID,
                        APP_USER.PERSON_ID_NUMBER)
                .from(CASE_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.ACTOR_ID))
                .where(CASE_EVENT.CASE_ID.eq(c.getId())).orderBy(CASE_EVENT.ID).fetch();
        for (var e : rows) {
            if (isStep(e.value1())) {
                String person = e.value3() != null ? e.value3() : e.value4();
                history.add(new ActionRecord(CaseAction.valueOf(e.value1()), e.value2(), person));
            }
        }
        return new CaseSnapshot(item, CaseState.valueOf(c.getState()),
                c.getResumeState() == null ? null : CaseState.valueOf(c.getResumeState()), history,
                c.getRectifyingSince(), c.getDeclaredFen() == null ? null : Money.ofFen(c.getDeclaredFen()),
                c.getReconciledFen() == null ? null : Money.ofFen(c.getReconciledFen()),
                c.getReviewAmountFen() == null ? null : Money.ofFen(c.getReviewAmountFen()),
                c.getConfirmedAmountFen() == null ? null : Money.ofFen(c.getConfirmedAmountFen()));
    }

    private void apply(DSLContext tx, CaseFileRecord c, ServiceItem item, Transition t, Command cmd, LocalDate today,
                       OffsetDateTime now) {
        c.setState(t.to().name());
        switch (cmd.action()) {
            case ACCEPT -> c.setAcceptedOn(today);
            case REQUEST_SUPPLEMENT -> c.setResumeState(t.from().name());
            case RESUME -> c.setResumeState(null);
            case TRANSFER_OUT -> c.setTransferredOutOn(today);
            case REVIEW -> c.setReviewAmountFen(cmd.amount() == null ? null : cmd.amount().fen());
            case RECHECK -> c.setConfirmedAmountFen(cmd.amount() == null ? null : cmd.amount().fen());
            case EVALUATE_FAIL -> {
                if (t.to() == CaseState.RECTIFYING) {
                    c.setRectifyingSince(today);
                }
            }
            case PAY, MOVE_BALANCE -> c.setPaidFen((c.getPaidFen() == null ? 0 : c.getPaidFen()) + cmd.amount().fen());
            default -> {
            }
        }
        if (t.pausesClock()) {
            tx.insertInto(CASE_PAUSE).set(CASE_PAUSE.CASE_ID, c.getId()).set(CASE_PAUSE.PAUSED_ON, today).execute();
        }
        if (t.resumesClock()) {
            tx.update(CASE_PAUSE).set(CASE_PAUSE.RESUMED_ON, today)
                    .where(CASE_PAUSE.CASE_ID.eq(c.getId()), CASE_PAUSE.RESUMED_ON.isNull()).execute();
        }
        if (t.to().terminal()) {
            c.setClosedOn(today);
        }
        DeadlineView d = deadline(tx, c, item, today);
        c.setDueOn(d == null ? null : d.dueDate());
        if (cmd.action() == CaseAction.ACCEPT && d != null && d.dueDate() != null) {
            // the promise of the 受理回执: kept as made, whatever moves the due date later (D82)
            c.setPromisedDueOn(d.dueDate());
            c.setPromisedProvisional(d.provisional());
        }
        c.setNextRole(nextRole(item, t.to()));
        c.setUpdatedAt(now);
        c.setRowVersion(c.getRowVersion() + 1);
        c.update();
    }

    /** Checks the registry can take the step's money effect (a withdrawal cannot exceed the account balance). */
    private List<String> effectProblems(DSLContext tx, CaseFileRecord c, ServiceItem item, Command cmd) {
        if (cmd.action() == CaseAction.PAY && item.group() == org.ybdesk.core.catalog.ItemGroup.ACCOUNT_WITHDRAWAL
                && c.getPersonId() != null && cmd.amount() != null) {
            long balance = tx.select(PERSON.ACCOUNT_BALANCE_FEN).from(PERSON).where(PERSON.ID.eq(c.getPersonId()))
                    .fetchOne(PERSON.ACCOUNT_BALANCE_FEN);
            if (cmd.amount().fen() > balance) {
                return List.of(Texts.get("case.withdraw.balance", cmd.amount().toYuanString(),
                        Money.ofFen(balance).toYuanString()));
            }
        }
        return List.of();
    }

    /**
     * What a finished step changes in the registry: closing items 1–6 applies their variant ({@link RegistryEffects});
     * a withdrawal takes the amount from the personal account; a transfer's balance move credits it. Each change has
     * its own audit record (before → after) in the same transaction.
     */
    private void applyRegistryEffects(DSLContext tx, CaseFileRecord c, ServiceItem item, Transition t, Command cmd,
                                      Actor actor, OffsetDateTime now) {
        Map<String, String> f = Json.read(c.getFieldsJson(), FIELDS);
        if (cmd.action() == CaseAction.PAY && item.group() == org.ybdesk.core.catalog.ItemGroup.ACCOUNT_WITHDRAWAL
                && c.getPersonId() != null) {
            adjustBalance(tx, c.getPersonId(), -cmd.amount().fen(), actor, now, c.getCaseNo());
        }
        if (cmd.action() == CaseAction.MOVE_BALANCE && c.getPersonId() != null) {
            adjustBalance(tx, c.getPersonId(), cmd.amount().fen(), actor, now, c.getCaseNo());
        }
        if (t.to() == CaseState.CLOSED) {
            registryEffects.apply(tx, c, item, f, actor, now);
        }
    }

    private void adjustBalance(DSLContext tx, long personId, long deltaFen, Actor actor, OffsetDateTime now,
                               String caseNo) {
        PersonRecord p = tx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).forUpdate().fetchOne();
        Map<String, Object> before = Map.of("accountBalanceFen", p.getAccountBalanceFen());
        p.setAccountBalanceFen(p.getAccountBalanceFen() + deltaFen);
        p.setUpdatedAt(now);
        p.update();
        desk.audited().record(tx, actor, now, "ACCOUNT_ADJUST", "PERSON", p.getIdNumber(), before,
                Map.of("accountBalanceFen", p.getAccountBalanceFen(), "caseNo", caseNo), null, null);
    }

    private String message(ServiceItem item, AgencyRecord agency, CaseFileRecord c, Transition t, Command cmd,
                           LocalDate today) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> f = Json.read(c.getFieldsJson(), FIELDS);
        v.put("agencySignature", agency.getSignature());
        v.put("name", c.getApplicantName());
        // {date}: the day of the outcome (the day this message is made); a 补正 notice names the application's day
        v.put("date", MessageRenderer.chineseDate(t.outcome() == Outcome.SUPPLEMENT ? c.getReceivedOn() : today));
        v.put("phone", agency.getHotline() == null ? Texts.get("message.phone.none") : agency.getHotline());
        v.put("itemName", item.name());
        v.put("reason", String.join("；", cmd.reasons().stream().map(CaseService::withoutEndPunctuation)
                .filter(r -> !r.isEmpty()).toList()));
        if (c.getPaidFen() != null) {
            v.put("amount", Money.ofFen(c.getPaidFen()).toYuanString());
        }
        // {payee}: the account holder, named only when the account is not the applicant's own
        String holder = f.getOrDefault("bankAccountName", "").trim();
        if (!holder.isEmpty() && !holder.equals(c.getApplicantName())) {
            v.put("payee", holder);
        }
        // {bank}: the bank's name as the clerk recorded it (开户行), never a code or the account number
        v.put("bank", f.getOrDefault("bankName", "").trim());
        String account = f.getOrDefault("bankAccountNumber", "");
        v.put("accountTail", account.length() >= 4 ? account.substring(account.length() - 4) : account);
        v.put("validity", validity(item, f));
        String template = switch (t.outcome()) {
            case SUCCESS -> item.messages().success();
            case FAILURE -> item.messages().failure();
            case SUPPLEMENT -> Texts.get(t.pausesClock() ? "message.supplement.paused" : "message.supplement");
        };
        try {
            return MessageRenderer.render(template, v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(Texts.get("message.incomplete", item.name(), e.getMessage()));
        }
    }

    /** A reason as typed, without the punctuation that would double the template's own (「材料不全。；」). */
    private static String withoutEndPunctuation(String reason) {
        return reason == null ? "" : reason.strip().replaceAll("[。，；：！？、.,;:!?\\s]+$", "");
    }

    /** 备案有效期: long-term filings are valid until changed; temporary ones for the item's months. */
    static String validity(ServiceItem item, Map<String, String> f) {
        String start = f.get("filingStartDate");
        if (start == null) {
            return Texts.get("message.validity.none");
        }
        LocalDate s = LocalDate.parse(start);
        if (item.filingValidityMonths() == null) {
            return Texts.get("message.validity.longTerm", MessageRenderer.chineseDate(s));
        }
        LocalDate end = s.plusMonths(item.filingValidityMonths()).minusDays(1);
        return Texts.get("message.validity.period", MessageRenderer.chineseDate(s), MessageRenderer.chineseDate(end));
    }

    private static CaseEventRecord event(DSLContext tx, CaseFileRecord c, String action, CaseState from,
                                         CaseState to, Actor actor, OffsetDateTime now, LocalDate today,
                                         List<String> reasons, String note, Money amount) {
        CaseEventRecord e = tx.newRecord(CASE_EVENT);
        e.setCaseId(c.getId());
        e.setAction(action);
        e.setFromState(from == null ? null : from.name());
        e.setToState(to.name());
        e.setActorId(actor.id());
        e.setActorName(actor.name());
        e.setActorPersonId(actor.personId());
        e.setOccurredAt(now);
        e.setOnDay(today);
        e.setReasons(reasons.isEmpty() ? null : Json.write(reasons));
        e.setNote(InputHygiene.tidyOrNull(note));
        e.setAmountFen(amount == null ? null : amount.fen());
        e.store();
        return e;
    }

    // ------------------------------------------------------------------------------------------------ attachments, notes

    /** Largest attachment accepted (a multi-page scan at 300 dpi stays well below it). */
    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /**
     * Adds a scanned image or PDF to the case. The type is taken from the file's content (PDF, PNG, JPEG, TIFF),
     * not from its name; the SHA-256 is stored so a changed file is recognisable.
     */
    public AttachmentView addAttachment(String caseNo, String fileName, byte[] content, Actor actor) {
        requireCaseNo(caseNo);
        List<String> nameFlaws = InputHygiene.requiredLine(Texts.get("label.fileName"), fileName,
                FieldLimits.FILE_NAME);
        if (!nameFlaws.isEmpty()) {
            throw new ServiceException(nameFlaws);
        }
        if (content == null) {
            throw new ServiceException(Texts.get("attachment.empty", fileName));
        }
        List<String> problems = new ArrayList<>();
        String type = Attachments.mediaType(content);
        if (content.length == 0) {
            problems.add(Texts.get("attachment.empty", fileName));
        } else if (content.length > MAX_ATTACHMENT_BYTES) {
            problems.add(Texts.get("attachment.tooLarge", fileName,
                    String.valueOf(content.length / (1024 * 1024)), String.valueOf(MAX_ATTACHMENT_BYTES / (1024 * 1024))));
        } else if (type == null) {
            problems.add(Texts.get("attachment.type", fileName));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return desk.db().write(tx -> {
            CaseFileRecord c = caseForChange(tx, caseNo);
            OffsetDateTime now = desk.now();
            var r = tx.newRecord(CASE_ATTACHMENT);
            r.setCaseId(c.getId());
            r.setFileName(InputHygiene.tidy(fileName));
            r.setMediaType(type);
            r.setSizeBytes((long) content.length);
            r.setSha256(Attachments.sha256(content));
            r.setContent(content);
            r.setAddedBy(actor.id());
            r.setAddedAt(now);
            r.store();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("caseNo", c.getCaseNo());
            after.put("fileName", r.getFileName());
            after.put("mediaType", type);
            after.put("sizeBytes", content.length);
            after.put("sha256", r.getSha256());
            desk.audited().record(tx, actor, now, "CASE_ATTACHMENT", "CASE", c.getCaseNo(), null, after,
                    "CASE_ATTACHMENT", after);
            return new AttachmentView(r.getId(), r.getFileName(), type, content.length, r.getSha256(), actor.name(), now);
        });
    }

    /** The stored bytes of an attachment. */
    public byte[] attachmentContent(long attachmentId) {
        byte[] b = desk.db().dsl().select(CASE_ATTACHMENT.CONTENT).from(CASE_ATTACHMENT)
                .where(CASE_ATTACHMENT.ID.eq(attachmentId)).fetchOne(CASE_ATTACHMENT.CONTENT);
        if (b == null) {
            throw new ServiceException(Texts.get("attachment.unknown"));
        }
        return b;
    }

    /** Adds a note (备注) to the case's file; notes are part of the record, never edited. */
    public NoteView addNote(String caseNo, String text, Actor actor) {
        requireCaseNo(caseNo);
        String t = text == null ? "" : InputHygiene.tidy(text);
        List<String> flaws = InputHygiene.lines(Texts.get("label.note"), text, FieldLimits.CASE_NOTE);
        if (!flaws.isEmpty()) {
            throw new ServiceException(flaws);
        }
        if (t.isEmpty()) {
            throw new ServiceException(Texts.get("note.empty"));
        }
        return desk.db().write(tx -> {
            CaseFileRecord c = caseForChange(tx, caseNo);
            OffsetDateTime now = desk.now();
            tx.insertInto(CASE_NOTE).set(CASE_NOTE.CASE_ID, c.getId()).set(CASE_NOTE.NOTE_TEXT, t)
                    .set(CASE_NOTE.AUTHOR_ID, actor.id()).set(CASE_NOTE.AUTHOR_NAME, actor.name())
                    .set(CASE_NOTE.ADDED_AT, now).execute();
            desk.audited().record(tx, actor, now, "CASE_NOTE", "CASE", c.getCaseNo(), null,
                    Map.of("caseNo", c.getCaseNo(), "note", t), null, null);
            return new NoteView(t, actor.name(), now);
        });
    }

    /** The problems of a case number as given (control characters, length); empty when it can be looked up. */
    static List<String> caseNoProblems(String caseNo) {
        return InputHygiene.requiredLine(Texts.get("label.caseNo"), caseNo, FieldLimits.CASE_NO);
    }

    private static void requireCaseNo(String caseNo) {
        List<String> p = caseNoProblems(caseNo);
        if (!p.isEmpty()) {
            throw new ServiceException(p);
        }
    }

    private static CaseFileRecord caseForChange(DSLContext tx, String caseNo) {
        CaseFileRecord c = tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo.trim())).forUpdate().fetchOne();
        if (c == null) {
            throw new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo)));
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------ deadlines

    /** The deadline of a case as of {@code today}, or null while the clock has not started or after the end. */
    private DeadlineView deadline(DSLContext dsl, CaseFileRecord c, ServiceItem item, LocalDate today) {
        return deadline(dsl, c, item, today, desk.deadlines());
    }

    /** {@link #deadline(DSLContext, CaseFileRecord, ServiceItem, LocalDate)} on a given engine (calendar). */
    private static DeadlineView deadline(DSLContext dsl, CaseFileRecord c, ServiceItem item, LocalDate today,
                                         org.ybdesk.core.calendar.DeadlineEngine engine) {
        CaseState state = CaseState.valueOf(c.getState());
        if (c.getAcceptedOn() == null || state.terminal()) {
            return null;
        }
        TimeLimit tl = item.timeLimit();
        LocalDate from = c.getAcceptedOn();
        int days = tl.workingDays();
        if (item.flow() == FlowVariant.TRANSFER && tl.transferOutWorkingDays() != null) {
            if (c.getTransferredOutOn() == null) {
                days = tl.transferOutWorkingDays();
            } else {
                from = c.getTransferredOutOn();
                days = tl.transferInWorkingDays() == null ? tl.workingDays() : tl.transferInWorkingDays();
            }
        }
        LocalDate base = from;
        List<Pause> pauses = dsl.selectFrom(CASE_PAUSE).where(CASE_PAUSE.CASE_ID.eq(c.getId())).fetch()
                .map(p -> new Pause(p.getPausedOn(), p.getResumedOn())).stream()
                .filter(p -> !p.from().isBefore(base)).toList();
        try {
            Deadline d = engine.compute(new DeadlineInput(from, days, pauses, tl.capMonths()), today);
            return new DeadlineView(d.dueDate(), d.status(), d.status().label(), d.workingDaysLeft(), d.paused(), null,
                    d.provisional(), d.provisionalReason());
        } catch (DateOutsideCalendarException e) {
            return new DeadlineView(null, null, null, null, false, e.getMessage());
        }
    }

    /**
     * Open cases whose clock runs, due within 3 working days or overdue (or all of them), soonest first. Cases whose
     * due date cannot be computed (the calendar does not reach it) are listed too, with the reason; when the next
     * 3 working days run past the calendar, every open case is listed rather than guessing.
     */
    public List<CaseSummary> dueList(boolean all, int limit) {
        LocalDate today = desk.today();
        Condition running = CASE_FILE.STATE.notIn(NOT_COUNTING.stream().map(Enum::name).toList())
                .and(CASE_FILE.ACCEPTED_ON.isNotNull());
        LocalDate horizon = null;
        if (!all) {
            try {
                horizon = desk.calendar().addWorkingDays(today, org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS);
            } catch (DateOutsideCalendarException e) {
                horizon = null; // list every running clock rather than guess
            }
        }
        // First the running cases whose deadline cannot be computed — one (state, due_on) index lookup per running
        // state, because closed cases also have no due date and must not be scanned — then by due date with a
        // bounded range on the due_on index.
        List<CaseSummary> out = new ArrayList<>();
        for (CaseState st : CaseState.values()) {
            if (NOT_COUNTING.contains(st) || out.size() >= limit) {
                continue;
            }
            out.addAll(desk.db().dsl().selectFrom(CASE_FILE)
                    .where(CASE_FILE.STATE.eq(st.name()), CASE_FILE.DUE_ON.isNull(), CASE_FILE.ACCEPTED_ON.isNotNull())
                    .orderBy(CASE_FILE.ID).limit(limit - out.size()).fetch()
                    .map(r -> summary(r, deadline(desk.db().dsl(), r, desk.catalog().item(r.getItemNo()), today))));
        }
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        Condition dated = (horizon == null ? CASE_FILE.DUE_ON.ge(earliest) : CASE_FILE.DUE_ON.between(earliest, horizon))
                .and(running);
        out.addAll(desk.db().dsl().selectFrom(CASE_FILE).where(dated).orderBy(CASE_FILE.DUE_ON, CASE_FILE.ID)
                .limit(Math.max(0, limit - out.size())).fetch().map(r -> summary(r, quickDeadline(r, today))));
        return out;
    }

    /** Deadline from the stored due date (kept current by every step), without reading pauses again. */
    DeadlineView quickDeadline(CaseFileRecord r, LocalDate today) {
        LocalDate due = r.getDueOn();
        try {
            int left = today.isAfter(due) ? -desk.calendar().workingDaysBetween(due, today)
                    : desk.calendar().workingDaysBetween(today, due);
            var status = today.isAfter(due) ? org.ybdesk.core.calendar.DeadlineStatus.OVERDUE
                    : left <= org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS
                    ? org.ybdesk.core.calendar.DeadlineStatus.NEAR : org.ybdesk.core.calendar.DeadlineStatus.NORMAL;
            var provisional = r.getAcceptedOn() == null || !due.isAfter(r.getAcceptedOn())
                    ? java.util.Collections.<Integer>emptySortedSet()
                    : desk.calendar().provisionalYears(r.getAcceptedOn().plusDays(1), due);
            return new DeadlineView(due, status, status.label(), left, false, null, !provisional.isEmpty(),
                    provisional.isEmpty() ? null : org.ybdesk.core.calendar.WorkingCalendar.provisionalReason(provisional));
        } catch (DateOutsideCalendarException e) {
            return new DeadlineView(due, null, null, null, false, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ the promise (issue 10)

    /**
     * The promise of the 受理回执 (D82): the due date stored at acceptance, beside the due date now and why it moved
     * (a 补正 pause, the transfer's second phase, a working calendar that arrived later).
     */
    public CaseViews.DuePromise promise(String caseNo) {
        requireCaseNo(caseNo);
        DSLContext dsl = desk.db().dsl();
        CaseFileRecord c = dsl.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo.trim())).fetchOne();
        if (c == null) {
            throw new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo)));
        }
        ServiceItem item = desk.catalog().item(c.getItemNo());
        DeadlineView now = deadline(dsl, c, item, desk.today());
        LocalDate current = now == null ? null : now.dueDate();
        java.util.SortedSet<Integer> years = now == null || !now.provisional() || c.getAcceptedOn() == null
                ? java.util.Collections.emptySortedSet()
                : desk.calendar().provisionalYears(c.getAcceptedOn().plusDays(1), current);
        LocalDate promised = c.getPromisedDueOn();
        String why = null;
        if (promised != null && current != null && !promised.equals(current)) {
            List<String> reasons = new ArrayList<>();
            if (dsl.fetchExists(CASE_PAUSE, CASE_PAUSE.CASE_ID.eq(c.getId()),
                    CASE_PAUSE.PAUSED_ON.ge(c.getAcceptedOn()))) {
                reasons.add(Texts.get("case.due.moved.pause"));
            }
            if (c.getTransferredOutOn() != null) {
                reasons.add(Texts.get("case.due.moved.transfer"));
            }
            dsl.select(CASE_EVENT.NOTE).from(CASE_EVENT)
                    .where(CASE_EVENT.CASE_ID.eq(c.getId()), CASE_EVENT.ACTION.eq(DUE_CHANGE))
                    .orderBy(CASE_EVENT.ID.desc()).limit(1).fetchOptional(CASE_EVENT.NOTE)
                    .ifPresent(reasons::add);
            why = reasons.isEmpty() ? Texts.get("case.due.moved.other") : String.join("；", reasons);
        }
        return new CaseViews.DuePromise(promised, Boolean.TRUE.equals(c.getPromisedProvisional()), current,
                now != null && now.provisional(), years, why);
    }

    /**
     * After a working calendar changed (a year imported or pulled): every case whose clock has started and not
     * ended gets its due date computed on the old and on the new calendar as of today; where they differ the stored
     * due date is updated and one timeline entry ({@link #DUE_CHANGE}) with {@code reason} and both dates is
     * recorded through the audited path. Unchanged cases get nothing, so running it twice changes nothing.
     * Runs inside the caller's transaction, before the new calendar is put in force.
     *
     * @param actor the administrator who imported, or null for the system (sync)
     * @return the case numbers whose due date changed
     */
    List<String> recomputeDueDates(DSLContext tx, org.ybdesk.core.calendar.WorkingCalendar before,
                                   org.ybdesk.core.calendar.WorkingCalendar after, String reason, Actor actor,
                                   OffsetDateTime now) {
        return recompute(tx, DSL.noCondition(), new org.ybdesk.core.calendar.DeadlineEngine(before),
                new org.ybdesk.core.calendar.DeadlineEngine(after), reason, actor, now);
    }

    /**
     * Open cases accepted while their due date could not be computed (a release before issue 10 refused dates past
     * the published calendar and stored no due date): computed now on the calendar in force (provisionally where it
     * must be), stored, and recorded on the timeline by the system. Runs when the desk opens; nothing to do is a
     * few index lookups. Returns the case numbers filled.
     */
    List<String> fillMissingDueDates() {
        // one (state, due_on) index lookup per state a clock can run in: closed cases have no due date either and
        // must not be scanned, nor cases not yet accepted
        List<String> states = java.util.Arrays.stream(CaseState.values())
                .filter(st -> !st.terminal() && st != CaseState.RECEIVED).map(Enum::name).toList();
        boolean any = states.stream().anyMatch(st -> desk.db().dsl().fetchExists(CASE_FILE, CASE_FILE.STATE.eq(st),
                CASE_FILE.DUE_ON.isNull(), CASE_FILE.ACCEPTED_ON.isNotNull()));
        if (!any) {
            return List.of();
        }
        return desk.db().write(tx -> recompute(tx, CASE_FILE.DUE_ON.isNull().and(CASE_FILE.STATE.in(states)), null,
                desk.deadlines(), Texts.get("case.due.filled"), null, desk.now()));
    }

    /** See {@link #recomputeDueDates}; {@code oldEngine == null} compares with the stored due date. */
    private List<String> recompute(DSLContext tx, Condition which, org.ybdesk.core.calendar.DeadlineEngine oldEngine,
                                   org.ybdesk.core.calendar.DeadlineEngine newEngine, String reason, Actor actor,
                                   OffsetDateTime now) {
        LocalDate today = desk.today();
        List<String> changed = new ArrayList<>();
        List<String> ended = java.util.Arrays.stream(CaseState.values()).filter(CaseState::terminal)
                .map(Enum::name).toList();
        for (CaseFileRecord c : tx.selectFrom(CASE_FILE)
                .where(CASE_FILE.ACCEPTED_ON.isNotNull(), CASE_FILE.STATE.notIn(ended), which)
                .orderBy(CASE_FILE.ID).forUpdate().fetch()) {
            ServiceItem item = desk.catalog().item(c.getItemNo());
            DeadlineView old = oldEngine == null ? null : deadline(tx, c, item, today, oldEngine);
            DeadlineView neu = deadline(tx, c, item, today, newEngine);
            LocalDate oldDue = old == null || old.dueDate() == null ? c.getDueOn() : old.dueDate();
            LocalDate newDue = neu == null ? null : neu.dueDate();
            if (newDue == null || newDue.equals(oldDue)) {
                continue;
            }
            Map<String, Object> beforeMap = caseMap(c);
            c.setDueOn(newDue);
            c.setUpdatedAt(now);
            c.setRowVersion(c.getRowVersion() + 1);
            c.update();
            String note = Texts.get("case.due.changed", reason, dueText(oldDue, old != null && old.provisional()),
                    dueText(newDue, neu.provisional()));
            CaseEventRecord e = tx.newRecord(CASE_EVENT);
            e.setCaseId(c.getId());
            e.setAction(DUE_CHANGE);
            e.setFromState(c.getState());
            e.setToState(c.getState());
            e.setActorId(actor == null ? null : actor.id());
            e.setActorName(actor == null ? desk.audited().who(null).actorName() : actor.name());
            e.setActorPersonId(actor == null ? null : actor.personId());
            e.setOccurredAt(now);
            e.setOnDay(today);
            e.setNote(note.length() > 1000 ? note.substring(0, 1000) : note);
            e.store();
            // no outbox message: due dates are the desk's own computation, the province has no message for them
            desk.audited().record(tx, actor, now, "CASE_" + DUE_CHANGE, "CASE", c.getCaseNo(), beforeMap, caseMap(c),
                    null, null);
            changed.add(c.getCaseNo());
        }
        return changed;
    }

    /** 2027年1月5日, or 2027年1月5日（暂定）. */
    static String dueText(LocalDate d, boolean provisional) {
        if (d == null) {
            return Texts.get("case.due.none");
        }
        String text = MessageRenderer.chineseDate(d);
        return provisional ? Texts.get("case.due.provisional", text) : text;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public record CaseQuery(Integer itemNo, CaseState state, String applicantId, LocalDate receivedFrom,
                            LocalDate receivedTo, int limit) {
    }

    public List<CaseSummary> list(CaseQuery q) {
        Condition c = DSL.noCondition();
        if (q.itemNo() != null) {
            c = c.and(CASE_FILE.ITEM_NO.eq(q.itemNo()));
        }
        if (q.state() != null) {
            c = c.and(CASE_FILE.STATE.eq(q.state().name()));
        }
        if (q.applicantId() != null && !q.applicantId().isBlank()) {
            c = c.and(CASE_FILE.APPLICANT_ID_NUMBER.eq(Validators.normalizeId(q.applicantId())));
        }
        if (q.receivedFrom() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.ge(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            c = c.and(CASE_FILE.RECEIVED_ON.le(q.receivedTo()));
        }
        LocalDate today = desk.today();
        return desk.db().dsl().selectFrom(CASE_FILE).where(c).orderBy(CASE_FILE.ID.desc())
                .limit(q.limit() <= 0 ? 100 : q.limit()).fetch()
                .map(r -> summary(r, r.getDueOn() == null || CaseState.valueOf(r.getState()).terminal() ? null
                        : deadline(desk.db().dsl(), r, desk.catalog().item(r.getItemNo()), today)));
    }

    /** The whole case: fields, materials, timeline, messages and — for {@code actor} — the actions possible now. */
    public CaseView show(String caseNo, Actor actor) {
        requireCaseNo(caseNo);
        DSLContext dsl = desk.db().dsl();
        CaseFileRecord c = dsl.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NO.eq(caseNo.trim())).fetchOne();
        if (c == null) {
            throw new ServiceException(Texts.get("case.unknown", InputHygiene.visible(caseNo)));
        }
        ServiceItem item = desk.catalog().item(c.getItemNo());
        Map<Integer, MaterialStatus> m = Json.read(c.getMaterialsJson(), MATERIALS);
        Map<org.ybdesk.core.catalog.MaterialSpec, Boolean> needs =
                IntakeCheck.materialNeeds(item, Json.read(c.getFieldsJson(), FIELDS));
        List<MaterialLine> materials = item.materials().stream()
                .map(s -> new MaterialLine(s.no(), s.name(), s.condition(), m.getOrDefault(s.no(), MaterialStatus.MISSING),
                        needs.get(s)))
                .toList();
        List<EventView> events = dsl.selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(c.getId()))
                .orderBy(CASE_EVENT.ID).fetch().map(e -> new EventView(e.getAction(),
                        RECEIVE.equals(e.getAction()) ? Texts.get("case.event.receive")
                                : DUE_CHANGE.equals(e.getAction()) ? Texts.get("case.event.dueChange")
                                : CaseAction.valueOf(e.getAction()).label(item.flow()),
                        e.getFromState() == null ? null : CaseState.valueOf(e.getFromState()),
                        CaseState.valueOf(e.getToState()), e.getActorName(), e.getOccurredAt(),
                        e.getReasons() == null ? List.of() : Json.read(e.getReasons(), REASONS), e.getNote(),
                        e.getAmountFen() == null ? null : Money.ofFen(e.getAmountFen())));
        List<MessageView> messages = dsl.selectFrom(CASE_MESSAGE).where(CASE_MESSAGE.CASE_ID.eq(c.getId()))
                .orderBy(CASE_MESSAGE.ID).fetch()
                .map(x -> new MessageView(x.getKind(), x.getMessageText(), x.getCreatedAt()));
        CaseSnapshot snap = snapshot(dsl, c, item);
        var actions = actor == null ? List.<org.ybdesk.core.lifecycle.Availability>of()
                : Lifecycle.available(snap, actor);
        CaseViews.FlowFacts flow = new CaseViews.FlowFacts(snap.reviewAmount(), snap.confirmedAmount(),
                Lifecycle.payable(snap).orElse(null), largeAmountThreshold(dsl), notice(dsl, c, item, desk.today()),
                Lifecycle.earliestReEvaluation(snap).orElse(null));
        CaseSummary s = summary(c, deadline(dsl, c, item, desk.today()));
        return new CaseView(s, c.getAgencyCode(), c.getChannel(), c.getApplicantKind(), c.getApplicantIdNumber(),
                c.getApplicantPhone(), Json.read(c.getFieldsJson(), FIELDS), materials,
                c.getDeclaredFen() == null ? null : Money.ofFen(c.getDeclaredFen()),
                c.getReconciledFen() == null ? null : Money.ofFen(c.getReconciledFen()),
                c.getPaidFen() == null ? null : Money.ofFen(c.getPaidFen()), events, messages, actions,
                c.getNextRole() == null ? null : Role.valueOf(c.getNextRole()),
                dsl.select(CASE_ATTACHMENT.ID, CASE_ATTACHMENT.FILE_NAME, CASE_ATTACHMENT.MEDIA_TYPE,
                                CASE_ATTACHMENT.SIZE_BYTES, CASE_ATTACHMENT.SHA256, APP_USER.DISPLAY_NAME,
                                CASE_ATTACHMENT.ADDED_AT)
                        .from(CASE_ATTACHMENT).join(APP_USER).on(APP_USER.ID.eq(CASE_ATTACHMENT.ADDED_BY))
                        .where(CASE_ATTACHMENT.CASE_ID.eq(c.getId())).orderBy(CASE_ATTACHMENT.ID)
                        .fetch(r -> new AttachmentView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                                r.value6(), r.value7())),
                dsl.selectFrom(CASE_NOTE).where(CASE_NOTE.CASE_ID.eq(c.getId())).orderBy(CASE_NOTE.ID)
                        .fetch(n -> new NoteView(n.getNoteText(), n.getAuthorName(), n.getAddedAt())), flow);
    }

    /**
     * Items 25/26 while 待受理 and not yet told what is missing: the limit for telling it at once (「自收到材料之日起5个
     * 工作日内一次性告知」), counted by the working calendar from the received date (D88). Null for other items and
     * once the case was accepted, refused or asked for 补正.
     */
    CaseViews.NoticeView notice(DSLContext dsl, CaseFileRecord c, ServiceItem item, LocalDate today) {
        Integer days = item.timeLimit().completenessNoticeWorkingDays();
        if (days == null || !CaseState.RECEIVED.name().equals(c.getState()) || dsl.fetchExists(CASE_EVENT,
                CASE_EVENT.CASE_ID.eq(c.getId()).and(CASE_EVENT.ACTION.eq(CaseAction.REQUEST_SUPPLEMENT.name())))) {
            return null;
        }
        try {
            LocalDate due = desk.calendar().addWorkingDays(c.getReceivedOn(), days);
            boolean over = today.isAfter(due);
            int left = over ? -desk.calendar().workingDaysBetween(due, today)
                    : desk.calendar().workingDaysBetween(today, due);
            var status = over ? org.ybdesk.core.calendar.DeadlineStatus.OVERDUE
                    : left <= org.ybdesk.core.calendar.DeadlineEngine.NEAR_WORKING_DAYS
                    ? org.ybdesk.core.calendar.DeadlineStatus.NEAR : org.ybdesk.core.calendar.DeadlineStatus.NORMAL;
            return new CaseViews.NoticeView(due, status, status.label(), left, null);
        } catch (DateOutsideCalendarException e) {
            return new CaseViews.NoticeView(null, null, null, null, e.getMessage());
        }
    }

    CaseSummary summary(CaseFileRecord r, DeadlineView d) {
        CaseState s = CaseState.valueOf(r.getState());
        ServiceItem item = desk.catalog().item(r.getItemNo());
        return new CaseSummary(r.getCaseNo(), r.getItemNo(), item.name(), s, s.label(), r.getApplicantName(),
                CaseViews.mask(r.getApplicantIdNumber()), r.getReceivedOn(), r.getAcceptedOn(), d);
    }

    private static Map<String, Object> caseMap(CaseFileRecord c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", c.getCaseNo());
        m.put("itemNo", c.getItemNo());
        m.put("state", c.getState());
        m.put("resumeState", c.getResumeState());
        m.put("acceptedOn", c.getAcceptedOn());
        m.put("dueOn", c.getDueOn());
        if (c.getPromisedDueOn() != null) {
            m.put("promisedDueOn", c.getPromisedDueOn());
            m.put("promisedProvisional", c.getPromisedProvisional());
        }
        m.put("paidFen", c.getPaidFen());
        if (c.getReviewAmountFen() != null) {
            m.put("reviewAmountFen", c.getReviewAmountFen());
        }
        if (c.getConfirmedAmountFen() != null) {
            m.put("confirmedAmountFen", c.getConfirmedAmountFen());
        }
        m.put("materials", c.getMaterialsJson());
        m.put("rowVersion", c.getRowVersion());
        return m;
    }

    private static Map<String, Object> payload(CaseFileRecord c, CaseEventRecord e, Actor actor) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNo", c.getCaseNo());
        p.put("agencyCode", c.getAgencyCode());
        p.put("itemNo", c.getItemNo());
        p.put("catalogVersion", c.getCatalogVersion());
        p.put("applicantKind", c.getApplicantKind());
        p.put("applicantIdNumber", c.getApplicantIdNumber());
        p.put("applicantName", c.getApplicantName());
        p.put("action", e.getAction());
        p.put("fromState", e.getFromState());
        p.put("toState", e.getToState());
        p.put("occurredAt", e.getOccurredAt().toString());
        p.put("onDay", e.getOnDay().toString());
        p.put("actorId", actor.id());
        p.put("actorName", actor.name());
        if (e.getReasons() != null) {
            p.put("reasons", Json.read(e.getReasons(), REASONS));
        }
        if (e.getAmountFen() != null) {
            p.put("amountFen", e.getAmountFen());
        }
        return p;
    }

}
