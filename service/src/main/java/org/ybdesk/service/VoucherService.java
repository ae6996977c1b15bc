package org.ybdesk.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.db.CaseVouchers;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.voucher.VoucherResolution;
import org.ybdesk.service.CaseService.VoucherCheck;
import org.ybdesk.service.CaseService.VoucherUse;

/**
 * E-vouchers (医保电子凭证, issue 13): recognising a scanned code, resolving it through the province, storing it on
 * the case with its check, rechecking the cases taken in offline (待核验) and listing what the supervisor (负责人)
 * must look at. The province is reached through the port {@link Resolver}, which module {@code sync} implements
 * ({@code sync.ProvinceVouchers}): this module knows no network.
 */
public final class VoucherService {
    /** How many pending vouchers one recheck asks about at most (the rest wait for the next round). */
    public static final int RECHECK_BATCH = 200;
    private final Desk desk;

    VoucherService(Desk desk) {
        this.desk = desk;
    }

    // ------------------------------------------------------------------------------------------------ the port

    /** Asks the province who a code belongs to; never throws for the network (an unanswered call is an answer). */
    @FunctionalInterface
    public interface Resolver {
        Answer resolve(String code);
    }

    /** What became of a resolution: the province resolved it, refused it (with its reason), or did not answer. */
    public enum Outcome { RESOLVED, REFUSED, UNANSWERED }

    /**
     * The province's answer: {@code resolution} when RESOLVED; {@code errCode} (e.g. {@code VOUCHER_UNKNOWN}) and
     * the Chinese {@code reason} when REFUSED; the reason it did not answer (offline, timeout) when UNANSWERED.
     */
    public record Answer(Outcome outcome, VoucherResolution resolution, String errCode, String reason) {
        public static Answer resolved(VoucherResolution r) {
            return new Answer(Outcome.RESOLVED, r, null, null);
        }

        public static Answer refused(String errCode, String reason) {
            return new Answer(Outcome.REFUSED, null, errCode, reason);
        }

        public static Answer unanswered(String reason) {
            return new Answer(Outcome.UNANSWERED, null, null, reason);
        }

        /** A refusal that says the code itself is no good (unknown, expired, not a code), not the request. */
        public boolean codeRefused() {
            return outcome == Outcome.REFUSED && (Protocol.VOUCHER_UNKNOWN.equals(errCode)
                    || Protocol.VOUCHER_EXPIRED.equals(errCode) || Protocol.VOUCHER_INVALID.equals(errCode));
        }
    }

    // ------------------------------------------------------------------------------------------------ recognise

    /** The kind of voucher a typed or scanned code is (after normalising spaces and case); empty if none. */
    public static Optional<VoucherCodes.Kind> recognise(String raw) {
        return VoucherCodes.kind(Validators.normalizeId(raw == null ? "" : raw));
    }

    /** Whether a voucher of {@code kind} may identify an applicant of {@code applicant}'s kind. */
    public static boolean fits(VoucherCodes.Kind kind, ApplicantKind applicant) {
        return (kind == VoucherCodes.Kind.PERSON) == (applicant == ApplicantKind.PERSON);
    }

    /**
     * Resolves a code for the window: a code that is not a voucher is refused here without asking; no resolver (the
     * desk has no province configured, or is the sandbox) is UNANSWERED with that reason.
     */
    public Answer resolve(String raw, Resolver resolver) {
        String code = Validators.normalizeId(raw == null ? "" : raw);
        if (VoucherCodes.kind(code).isEmpty()) {
            return Answer.refused(Protocol.VOUCHER_INVALID, String.join("；", VoucherCodes.problems(code)));
        }
        if (resolver == null || desk.mode() != Mode.PRODUCTION) {
            return Answer.unanswered(Texts.get(desk.mode() == Mode.PRODUCTION ? "voucher.unconfigured"
                    : "voucher.sandbox"));
        }
        return resolver.resolve(code);
    }

    /**
     * Whether a resolution names the applicant: same kind (a person's voucher for a person, a unit's for a unit or
     * institution) and the same ID number or credit code. The names are shown, not compared (the ID is the person).
     */
    public static boolean sameApplicant(VoucherResolution r, ApplicantKind kind, String idNumber) {
        return r != null && r.idNumber() != null && idNumber != null
                && r.person() == (kind == ApplicantKind.PERSON)
                && Validators.normalizeId(r.idNumber()).equals(Validators.normalizeId(idNumber));
    }

    /** The Chinese detail of a resolution that names someone else than the applicant. */
    public static String mismatchDetail(VoucherResolution r, String applicantName, String applicantId) {
        return Texts.get("voucher.mismatch.other", r.name(), CaseViews.mask(r.idNumber()), applicantName,
                CaseViews.mask(applicantId));
    }

    // ------------------------------------------------------------------------------------------------ intake

    /**
     * The voucher of a new case, checked before anything is written: a well-formed code of the applicant's kind,
     * and a check the window may set at intake (VERIFIED, the province resolved it to this applicant; PENDING,
     * offline). A MISMATCH is never taken in: the clerk corrects the applicant first.
     */
    static void checkIntake(CaseService.NewCase req, ApplicantKind kind) {
        List<String> p = intakeProblems(req, kind);
        if (!p.isEmpty()) {
            throw new ServiceException(p);
        }
    }

    static List<String> intakeProblems(CaseService.NewCase req, ApplicantKind kind) {
        VoucherUse v = req.circumstances().voucher();
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        String code = Validators.normalizeId(v.code() == null ? "" : v.code());
        Optional<VoucherCodes.Kind> k = VoucherCodes.kind(code);
        if (k.isEmpty()) {
            VoucherCodes.problems(code).forEach(p -> out.add(Texts.get("voucher.intake.code", p)));
        } else if (kind != null && !fits(k.get(), kind)) {
            out.add(Texts.get(k.get() == VoucherCodes.Kind.PERSON ? "voucher.intake.personForUnit"
                    : "voucher.intake.unitForPerson"));
        }
        if (v.check() == null || v.check() == VoucherCheck.MISMATCH) {
            out.add(Texts.get("voucher.intake.check"));
        }
        return out;
    }

    /**
     * Writes a new case's voucher in the intake's transaction (before its audit record, which then vouches for it)
     * and adds it to the record's {@code after}.
     */
    static void attach(DSLContext tx, String caseNo, VoucherUse v, OffsetDateTime now, Map<String, Object> after) {
        if (v == null) {
            return;
        }
        String code = Validators.normalizeId(v.code());
        CaseVouchers.set(tx, caseNo, code, v.check().name(), v.check() == VoucherCheck.VERIFIED ? now : null, null);
        after.put("voucherCode", code);
        after.put("voucherCheck", v.check().name());
    }

    // ------------------------------------------------------------------------------------------------ recheck

    /** What one recheck did; {@code unanswered} is the reason it stopped early (null: it asked about every one). */
    public record Recheck(int asked, int verified, int mismatched, String unanswered) {
    }

    /**
     * Asks the province about every case whose voucher is PENDING (待核验), oldest first, at most
     * {@link #RECHECK_BATCH}: resolved to the case's applicant → VERIFIED; to someone else, or refused as unknown,
     * expired or not a code → MISMATCH with the detail. Each change is one transaction with its audit record
     * ({@code CASE_VOUCHER_CHECK}, actor 系统). The first unanswered question ends the recheck (the rest stay
     * PENDING for the next round). Called by the sync engine at every round.
     */
    public Recheck recheckPending(Resolver resolver) {
        if (desk.mode() != Mode.PRODUCTION || resolver == null) {
            return new Recheck(0, 0, 0, null);
        }
        List<CaseVouchers.Row> pending = CaseVouchers.withCheck(desk.db().dsl(), List.of(VoucherCheck.PENDING.name()),
                RECHECK_BATCH);
        int asked = 0;
        int verified = 0;
        int mismatched = 0;
        for (CaseVouchers.Row row : pending) {
            Answer a = resolver.resolve(row.code());
            asked++;
            VoucherCheck check;
            String detail;
            if (a.outcome() == Outcome.RESOLVED) {
                boolean same = sameApplicant(a.resolution(), ApplicantKind.valueOf(row.applicantKind()),
                        row.applicantIdNumber());
                check = same ? VoucherCheck.VERIFIED : VoucherCheck.MISMATCH;
                detail = same ? null : mismatchDetail(a.resolution(), row.applicantName(), row.applicantIdNumber());
            } else if (a.codeRefused()) {
                check = VoucherCheck.MISMATCH;
                detail = Texts.get("voucher.mismatch.refused", a.reason());
            } else {
                return new Recheck(asked, verified, mismatched, a.reason());
            }
            if (record(row.caseNo(), check, detail)) {
                if (check == VoucherCheck.VERIFIED) {
                    verified++;
                } else {
                    mismatched++;
                }
            }
        }
        return new Recheck(asked, verified, mismatched, null);
    }

    /** Sets a PENDING voucher's outcome, audited; false when it is no longer PENDING. */
    private boolean record(String caseNo, VoucherCheck check, String detail) {
        return desk.db().write(tx -> {
            CaseVouchers.Row row = CaseVouchers.lock(tx, caseNo).orElse(null);
            if (row == null || !VoucherCheck.PENDING.name().equals(row.check())) {
                return false;
            }
            OffsetDateTime now = desk.now();
            CaseVouchers.set(tx, caseNo, row.code(), check.name(), now, detail);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("voucherCode", row.code());
            before.put("voucherCheck", row.check());
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("voucherCheck", check.name());
            if (detail != null) {
                after.put("voucherDetail", detail);
            }
            desk.audited().record(tx, null, now, "CASE_VOUCHER_CHECK", "CASE", caseNo, before, after, null);
            return true;
        });
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** A case's voucher as the case screen and the supervisor's list show it. */
    public record CaseVoucher(String caseNo, String applicantName, String applicantId, String code,
                              VoucherCheck check, OffsetDateTime checkedAt, String detail, OffsetDateTime receivedAt) {
        /** 已核验 / 待核验 / 不一致. */
        public String checkLabel() {
            return Texts.get("voucher.check." + check.name());
        }

        /** The code shortened for lists: first 6 and last 4 characters. */
        public String shortCode() {
            return code.length() <= 12 ? code : code.substring(0, 6) + "…" + code.substring(code.length() - 4);
        }
    }

    /** The voucher of a case (empty: the applicant showed none). */
    public Optional<CaseVoucher> ofCase(String caseNo) {
        return CaseVouchers.find(desk.db().dsl(), caseNo == null ? "" : caseNo.trim()).map(VoucherService::view);
    }

    /**
     * What the supervisor must look at (ybdesk voucher check, the sync screen): cases whose voucher is still
     * 待核验 or 不一致, mismatches first. Only 负责人 and administrators.
     */
    public List<CaseVoucher> toCheck(Actor actor) {
        if (actor == null) {
            throw new ServiceException(Texts.get("login.required"));
        }
        if (!actor.has(Role.HEAD) && !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("voucher.list.forbidden"));
        }
        List<CaseVoucher> out = new ArrayList<>();
        CaseVouchers.withCheck(desk.db().dsl(), List.of(VoucherCheck.MISMATCH.name()), 1000)
                .forEach(r -> out.add(view(r)));
        CaseVouchers.withCheck(desk.db().dsl(), List.of(VoucherCheck.PENDING.name()), 1000)
                .forEach(r -> out.add(view(r)));
        return out;
    }

    /** How many cases have the voucher check {@code check} (the sync screen's counts). */
    public int count(VoucherCheck check) {
        return CaseVouchers.count(desk.db().dsl(), check.name());
    }

    private static CaseVoucher view(CaseVouchers.Row r) {
        return new CaseVoucher(r.caseNo(), r.applicantName(), CaseViews.mask(r.applicantIdNumber()), r.code(),
                VoucherCheck.valueOf(r.check()), r.checkedAt(), r.detail(), r.createdAt());
    }
}
