package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Mode;
import org.ybdesk.service.OutageService;

/**
 * Issue 13: the 受理回执 of paper work back-filled after an outage says so (补录, the paper's reference, its real
 * time and the entry time), and when a later outage extends its time limit the promise stays and the moved date is
 * printed beside it with the reason 「因系统停机（…）顺延 N 个工作日」 (D82, D129).
 */
class OutageReceiptTest {
    @TempDir
    Path dir;

    @Test
    void backFilledReceiptShowsThePaperAndTheExtension() throws Exception {
        try (PrintFixture f = new PrintFixture(dir, Mode.PRODUCTION, LocalDate.of(2026, 3, 16))) {
            f.desk.outages().add("2026-03-09 20:00", "2026-03-10 20:00", null, "系统切换", null, f.head);
            ServiceItem item = f.desk.catalog().item(16);
            Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
            item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
            var req = new CaseService.NewCase(16, new CaseService.Applicant(IdType.RESIDENT_ID,
                    PrintFixture.residentId("19800101", true), "补录甲", "13912345678"), PrintFixture.fields(item), m,
                    null, null, null).with(CaseService.Circumstances.NONE.withBackfill(new CaseService.Backfilled(
                    LocalDateTime.parse("2026-03-10 10:00", OutageService.TIME), "纸-001")));
            String no = f.desk.cases().intake(req, CaseService.IntakeDecision.ACCEPT, List.of(), null, f.clerk, false)
                    .summary().caseNo();
            String before = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk))
                    .replaceAll("\\s", "");
            assertThat(before).contains("补录", "纸-001", "2026-03-1010:00", "2026-03-1609:30", "2026年3月10日")
                    .doesNotContain("现办结日期");
            var promised = f.desk.cases().promise(no).promisedOn();

            // a second outage (03-11, one working day) is recorded afterwards: the time limit moves by one day
            f.desk.outages().add("2026-03-11 08:00", "2026-03-12 08:00", null, "网络中断", null, f.head);
            byte[] pdf = f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("receipt-outage-backfill.pdf"), pdf);
            String after = PrintFixture.text(pdf).replaceAll("\\s", "");
            var moved = f.desk.cases().promise(no).currentOn();
            assertThat(moved).isAfter(promised);
            assertThat(after).contains("承诺办结日期", chinese(promised), "现办结日期", chinese(moved),
                    "因系统停机（网络中断）顺延1个工作日", "纸-001");
        }
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
