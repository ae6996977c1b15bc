package org.ybdesk.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.db.CaseRepository;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.protocol.change.Backfill;
import org.ybdesk.service.CaseService.Backfilled;
import org.ybdesk.service.CaseService.NewCase;

/**
 * Back-fill (补录, issue 13, D131–D132): paper work of an outage entered afterwards with its real time. The case's
 * 收件 time is the occurrence time and its clock counts from that day; the entry time, the paper's reference and who
 * entered it are kept beside it; the messages carry the occurrence time and a {@link Backfill}. CaseService.intake
 * calls this class only; a case without {@code Circumstances.backfill} passes through unchanged.
 */
final class Backfills {
    /** Paper references (纸质件编号) up to this long. */
    static final int PAPER_REF_MAX = 100;
    /**
     * Dated fields recording what had happened when the paper was taken in (D132): none may lie after its day. The
     * others name a start the applicant chooses or the end of a validity (申请备案开始日期, 待遇开始时间, 许可证有效期
     * …) and may lie ahead.
     */
    private static final java.util.Set<String> HAPPENED_DATES = java.util.Set.of("birthDate", "insuredDate",
            "establishedDate", "licenseIssueDate", "drugLicenseIssueDate");

    /** {@code Backfill.enteredAt}: yyyy-MM-ddTHH:mm:ss, Beijing time. */
    static final java.time.format.DateTimeFormatter ENTERED =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final Desk desk;

    Backfills(Desk desk) {
        this.desk = desk;
    }

    /**
     * The application checked for back-fill: its 收件 day moved to the occurrence day, and a warning to confirm when
     * the occurrence lies outside every recorded outage and the actor is a 负责人. Every problem at once (occurrence
     * in the future, outside the outages without a 负责人, a field date after the occurrence day, the paper's
     * reference missing); nothing is written then.
     */
    IntakeValidation.Checked check(NewCase req, IntakeValidation.Checked checked, Actor actor) {
        Backfilled b = req.circumstances().backfill();
        if (b == null) {
            return checked;
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>(checked.warnings());
        problems.addAll(InputHygiene.requiredLine(Texts.get("label.backfill.paperRef"), b.paperRef(), PAPER_REF_MAX));
        LocalDateTime at = b.occurredAt();
        LocalDateTime now = desk.now().atZoneSameInstant(Desk.ZONE).toLocalDateTime();
        CaseFile a = checked.application();
        if (at == null) {
            problems.add(Texts.get("outage.time.required", Texts.get("label.backfill.occurredAt")));
        } else if (at.isAfter(now)) {
            problems.add(Texts.get("backfill.future", at.format(OutageService.TIME), now.format(OutageService.TIME)));
        } else {
            DSLContext dsl = desk.db().dsl();
            if (desk.outages().containing(dsl, at).isEmpty()) {
                String hint = desk.outages().listHint(dsl);
                if (actor != null && actor.has(Role.HEAD)) {
                    warnings.add(outsideWarning(at, hint));
                } else {
                    problems.add(Texts.get("backfill.outside", at.format(OutageService.TIME), hint));
                }
            }
            LocalDate day = at.toLocalDate();
            for (FieldSpec f : a.item().leafFields().toList()) {
                String v = a.fields().get(f.key());
                if (f.type() != FieldType.DATE || v == null || !HAPPENED_DATES.contains(f.key())) {
                    continue;
                }
                InputHygiene.parseDate(v).filter(d -> d.isAfter(day)).ifPresent(d -> problems.add(
                        Texts.get("backfill.fieldAfter", f.label(), d.toString(), day.toString())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        CaseFile.Dates d = a.dates();
        CaseFile moved = new CaseFile(a.id(), a.caseNo(), a.agencyCode(), a.item(), a.catalogVersion(), a.state(),
                a.resumeState(), a.applicant(), a.channel(), a.fields(), a.materials(),
                new CaseFile.Dates(at.toLocalDate(), d.acceptedOn(), d.transferredOutOn(), d.rectifyingSince(),
                        d.closedOn(), d.dueOn()), a.amounts(), a.history(), a.pauses(), a.promise(), a.rowVersion());
        return new IntakeValidation.Checked(moved, warnings);
    }

    /** The warning a 负责人 confirms to back-fill outside the recorded outages; it starts with {@link #outsideMark()}. */
    static String outsideWarning(LocalDateTime at, String hint) {
        return Texts.get("backfill.outside.confirm", at.format(OutageService.TIME), hint);
    }

    /** The start every outside-outage warning has (the command line's --confirm-outside-outage confirms only it). */
    public static String outsideMark() {
        return Texts.get("backfill.outside.mark");
    }

    /** The day the intake's steps are taken on: the occurrence day of back-filled work, else today. */
    static LocalDate stepDay(NewCase req, LocalDate today) {
        Backfilled b = req.circumstances().backfill();
        return b == null ? today : b.occurredAt().toLocalDate();
    }

    /** The CASE_RECEIVED's occurrence time: the paper's real time for back-filled work, else now. */
    static String occurredAt(NewCase req, OffsetDateTime now) {
        Backfilled b = req.circumstances().backfill();
        return b == null ? now.toString() : b.occurredAt().atZone(Desk.ZONE).toOffsetDateTime().toString();
    }

    /** The message's {@link Backfill}: paper reference, entry time, who entered; null when not back-filled. */
    static Backfill message(NewCase req, Actor actor, OffsetDateTime now) {
        Backfilled b = req.circumstances().backfill();
        return b == null ? null : new Backfill(InputHygiene.tidy(b.paperRef()),
                now.atZoneSameInstant(Desk.ZONE).format(ENTERED), actor.name());
    }

    /** Stores the back-fill columns of the case just inserted (before its audit record hashes the row). */
    static void mark(DSLContext tx, CaseRepository repo, long caseId, NewCase req, Actor actor) {
        Backfilled b = req.circumstances().backfill();
        if (b != null) {
            repo.markBackfilled(tx, caseId, b.occurredAt().atZone(Desk.ZONE).toOffsetDateTime(),
                    InputHygiene.tidy(b.paperRef()), actor.name());
        }
    }

    /** The audit view's back-fill entries of a back-filled application (nothing otherwise). */
    static void audit(Map<String, Object> after, NewCase req) {
        Backfilled b = req.circumstances().backfill();
        if (b != null) {
            after.put("backfillOccurredAt", b.occurredAt().format(OutageService.TIME));
            after.put("backfillPaperRef", InputHygiene.tidy(b.paperRef()));
        }
    }

    /** The occurrence time and {@link Backfill} a registration caused by a back-filled case carries; null if not. */
    static Backfill of(CaseFileRecord c) {
        if (c.getBackfillPaperRef() == null || c.getReceivedAt() == null) {
            return null;
        }
        return new Backfill(c.getBackfillPaperRef(),
                c.getCreatedAt().atZoneSameInstant(Desk.ZONE).format(ENTERED),
                c.getBackfillBy());
    }

    /** The occurrence time of a back-filled case's work (its paper's 收件 time); null if not back-filled. */
    static String occurredAt(CaseFileRecord c) {
        return of(c) == null ? null : c.getReceivedAt().atZoneSameInstant(Desk.ZONE).toOffsetDateTime().toString();
    }
}
