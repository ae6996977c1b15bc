package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.Mode;
import org.ybdesk.service.RegistryService;

/** Issue 13: a 转出 prints 表8 with the balance it took off the account, in words and figures (D149). */
class Form8PrintTest {
    @TempDir
    Path dir;

    @Test
    void transferOutPrintsTable8WithTheAmountTransferred() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION)) {
            Applicant ap = new Applicant(IdType.RESIDENT_ID, PrintFixture.residentId("19800101", true), "蒋十三",
                    "13912345678");
            f.desk.registry().registerPerson(new RegistryService.PersonInput(ap.idType(), ap.idNumber(), ap.name(),
                    null, null, InsuranceType.EMPLOYEE, null, null, ap.phone(), null, null), f.clerk);
            // the balance arrives by a 转入 (表8 of an earlier region, received today)
            String in = create(f, ap, Map.of("transferDirection", "转入", "form8ReceivedOn", PrintFixture.TODAY.toString(),
                    "form8Amount", "1234.50"));
            f.act(in, Command.of(CaseAction.ACCEPT), f.clerk);
            f.act(in, Command.of(CaseAction.TRANSFER_IN), f.clerk);
            f.act(in, Command.of(CaseAction.MOVE_BALANCE), f.finance);

            String out = create(f, ap, Map.of("transferDirection", "转出", "accountDisposal", "划转至转入地"));
            f.act(out, Command.of(CaseAction.ACCEPT), f.clerk);
            f.act(out, Command.of(CaseAction.TRANSFER_OUT), f.clerk);
            byte[] pdf = f.prints.render(PrintDoc.table(8), out, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("table-8-transfer-out.pdf"), pdf);
            String text = PrintFixture.text(pdf).replaceAll("\\s", "");
            assertThat(text).contains("参保人员基本医疗保险信息表", "蒋十三", ap.idNumber(), "壹仟贰佰叁拾肆元伍角整",
                    "¥1234.50", "2026年11月至2026年11月", "职工基本医疗保险", "哈尔滨市道里区医疗保障中心", "窗口乙", out);
        }
    }

    private static String create(PrintFixture f, Applicant ap, Map<String, String> given) {
        var item = f.desk.catalog().item(10);
        Map<String, String> fields = new LinkedHashMap<>(PrintFixture.fields(item));
        fields.keySet().removeIf(k -> k.startsWith("form8") || k.equals("accountDisposal") || k.startsWith("bank"));
        fields.putAll(given);
        return f.desk.cases().create(new NewCase(10, ap, fields, Map.of(1, MaterialStatus.PAPER), null, null, null),
                f.clerk).summary().caseNo();
    }
}
