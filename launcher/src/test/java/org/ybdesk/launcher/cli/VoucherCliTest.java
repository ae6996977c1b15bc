package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * {@code ybdesk case create … --voucher CODE} on a desk without a province: the case is taken in 待核验 and says so;
 * {@code ybdesk voucher check [--json]} lists it for the supervisor (负责人), a clerk is refused; a broken code or a
 * unit's code for a person is refused with the reason and nothing is written. (Online resolution and the recheck at
 * the next round: sync's VoucherSyncTest against the real server.)
 */
class VoucherCliTest {
    private static final String PW = "Passw0rd1";

    @TempDir
    Path dir;

    private Run as(String user, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--user", user, "--password", PW));
        return ybdesk(dir, all.toArray(String[]::new));
    }

    private Run create(String id, String voucher, String... more) {
        List<String> args = new ArrayList<>(List.of("case", "create", "--item", "16", "--applicant-id", id,
                "--applicant-name", "张三", "--phone", "13812345678", "--field", "age=46", "--field",
                "insuranceType=职工基本医疗保险", "--field", "insuredPlace=230102", "--field", "diseaseName=高血压",
                "--field", "benefitStartDate=2026-12-01", "--all-materials", "paper", "--voucher", voucher));
        args.addAll(Arrays.asList(more));
        return as("clerk", args.toArray(String[]::new));
    }

    @Test
    void offlineTheCaseIsPendingAndListedForTheSupervisor() {
        assertThat(ybdesk(dir, "init", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234", "--window", "1").code())
                .isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "head", "--name", "王负责", "--new-password", PW,
                "--roles", "负责人", "--person-id", CliTest.residentId("19700101")).code()).isZero();
        String id = CliTest.residentId("19800101");
        String voucher = VoucherCodes.of(VoucherCodes.Kind.PERSON, "1A2B3C4D5E6F7G8H9J0K1L2M3N4P5Q");

        Run r = create(id, voucher.toLowerCase());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("待核验", "联网后");
        assertThat(r.out()).contains("电子凭证：" + voucher, "待核验");
        String no = r.out().lines().filter(l -> l.contains("230102001")).findFirst().orElseThrow()
                .replaceAll(".*(230102001\\d{15}).*", "$1");

        Run check = as("head", "voucher", "check");
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).contains(no, "待核验", "张三", voucher, "等待联网后自动复核")
                .doesNotContain(id); // the ID number is masked
        Run json = as("head", "voucher", "check", "--json");
        assertThat(json.json().get(0).get("caseNo").asText()).isEqualTo(no);
        assertThat(json.json().get(0).get("check").asText()).isEqualTo("PENDING");
        Run clerk = as("clerk", "voucher", "check");
        assertThat(clerk.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(clerk.err()).contains("负责人");
        Run show = as("clerk", "case", "show", no);
        assertThat(show.out()).contains("电子凭证：" + voucher + "  待核验");

        // a code cut short, a unit's code for a person: refused with the reason, nothing written
        Run broken = create(id, voucher.substring(0, 28));
        assertThat(broken.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(broken.err()).contains("应为 32 位").doesNotContain("Exception");
        Run unit = create(id, VoucherCodes.of(VoucherCodes.Kind.UNIT, "000000000000000000000000000007"));
        assertThat(unit.code()).isEqualTo(YbdeskCommand.REFUSED);
        assertThat(unit.err()).contains("单位的医保电子凭证");
        assertThat(as("head", "voucher", "check", "--json").json().size()).isEqualTo(1);
    }
}
