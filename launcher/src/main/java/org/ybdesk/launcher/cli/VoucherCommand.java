package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.VoucherService;
import org.ybdesk.sync.ProvinceVouchers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ybdesk voucher check [--json]} (issue 13): the cases whose e-voucher (医保电子凭证) is still 待核验 or 不一致,
 * mismatches first, with the province's detail — for 负责人 and administrators.
 */
@Command(name = "voucher", subcommands = {VoucherCommand.Check.class})
final class VoucherCommand {
    private VoucherCommand() {
    }

    @Command(name = "check")
    static final class Check extends Base {
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            List<VoucherService.CaseVoucher> rows = desk().vouchers().toCheck(actor());
            output.list(rows, "voucher.check.none", v -> out().println(Out.t("voucher.check.row", v.caseNo(),
                    v.checkLabel(), v.applicantName(), v.applicantId(), v.code(),
                    v.detail() == null ? Out.t("voucher.check.pending") : v.detail())));
            return 0;
        }
    }

    /**
     * The voucher of {@code case create --voucher CODE}: resolved by the province to the applicant given → VERIFIED;
     * the province not answering (offline, timeout) → PENDING (待核验, said on stderr); resolved to someone else, or
     * refused (unknown, expired, not a code) → refused with the reason, nothing is written.
     */
    static CaseService.VoucherUse use(Base b, String code, int itemNo, String applicantId) {
        var kind = b.desk().catalog().find(itemNo).map(i -> i.applicantKind())
                .orElse(org.ybdesk.core.catalog.ApplicantKind.PERSON);
        VoucherService.Answer a = b.desk().vouchers().resolve(code, ProvinceVouchers.forDesk(b.desk(),
                b.ctx().dataDir()));
        String normalized = org.ybdesk.core.validation.Validators.normalizeId(code);
        return switch (a.outcome()) {
            case RESOLVED -> {
                if (!VoucherService.sameApplicant(a.resolution(), kind, applicantId)) {
                    throw new ServiceException(Out.t("voucher.create.other", a.resolution().name(),
                            org.ybdesk.service.CaseViews.mask(a.resolution().idNumber())));
                }
                yield new CaseService.VoucherUse(normalized, CaseService.VoucherCheck.VERIFIED);
            }
            case UNANSWERED -> {
                b.spec.commandLine().getErr().println(Out.t("voucher.create.offline", a.reason()));
                yield new CaseService.VoucherUse(normalized, CaseService.VoucherCheck.PENDING);
            }
            case REFUSED -> throw new ServiceException(Out.t("voucher.create.refused", a.reason()));
        };
    }
}
