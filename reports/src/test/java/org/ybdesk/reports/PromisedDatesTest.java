package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/**
 * Issue 14, item 2 (D163): dates promised are dates kept. A receipt reprinted weeks after the case closed shows the
 * due date promised at acceptance; the 补正通知书 states the working days left as of its own date (the 补正 step's
 * day) and is dated that day, however late it is printed and whatever happened since.
 */
class PromisedDatesTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    /** A clock the test moves forward, as days pass at the window. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(LocalDate day) {
            moveTo(day);
        }

        void moveTo(LocalDate day) {
            now = day.atTime(LocalTime.of(9, 30)).atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovingClock self = this;
            return zone.equals(ZONE) ? this : new Clock() { // a view that moves with this clock
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private PrintFixture fixture(MovingClock clock) {
        return new PrintFixture(dir, Mode.PRODUCTION, clock, new SetupService.AgencySetup("230102001", "230102",
                "哈尔滨市道里区医疗保障中心", "道里区医保中心", "0451-84661234"));
    }

    @Test
    void aReceiptReprintedAfterTheCaseClosedShowsTheDatePromisedAtAcceptance() throws Exception {
        MovingClock clock = new MovingClock(LocalDate.of(2026, 11, 2)); // Monday
        try (PrintFixture f = fixture(clock)) {
            String no = f.create(17, "王䶮", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
            String first = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk))
                    .replaceAll("\\s", "");
            // 20 working days from Mon 2 Nov 2026 (no holiday in November): Mon 30 Nov
            assertThat(first).contains("承诺办结日期2026年11月30日");
            clock.moveTo(LocalDate.of(2026, 11, 10));
            assertThat(f.run(no, 10).summary().state()).isEqualTo(CaseState.CLOSED);
            clock.moveTo(LocalDate.of(2027, 3, 15));
            byte[] reprint = f.prints.render(PrintDoc.of(Kind.RECEIPT), no, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("receipt-reprint-closed.pdf"), reprint);
            String text = PrintFixture.text(reprint).replaceAll("\\s", "");
            assertThat(text).contains("承诺办结日期2026年11月30日", "打印时间：2027-03-1509:30");
            assertThat(text).doesNotContain("承诺办结日期无", "现办结日期");
        }
    }

    @Test
    void theSupplementNoticeStatesTheWorkingDaysLeftOnItsOwnDateNotOnThePrintDay() throws Exception {
        MovingClock clock = new MovingClock(LocalDate.of(2026, 11, 2)); // Monday
        try (PrintFixture f = fixture(clock)) {
            String no = f.create(25, "道里区钱七医院", Set.of()).summary().caseNo();
            f.act(no, Command.of(CaseAction.ACCEPT), f.clerk); // 30 working days from Mon 2 Nov
            clock.moveTo(LocalDate.of(2026, 11, 5)); // Thu: 3 working days counted (Tue, Wed, Thu)
            f.act(no, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, List.of("补交医疗机构执业许可证副本")),
                    f.clerk);
            String onTheDay = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.SUPPLEMENT), no, f.clerk))
                    .replaceAll("\\s", "");
            assertThat(onTheDay).contains("截至本通知书日期（2026年11月5日），办理时限尚余27个工作日");

            clock.moveTo(LocalDate.of(2026, 11, 10)); // the materials arrive; the clock runs again
            f.act(no, Command.of(CaseAction.RESUME), f.clerk);
            clock.moveTo(LocalDate.of(2026, 11, 20)); // 8 working days later the notice is printed again
            int leftNow = f.desk.cases().show(no, null).summary().deadline().workingDaysLeft();
            assertThat(leftNow).isLessThan(27); // what a notice computed for the print day would have said
            byte[] later = f.prints.render(PrintDoc.of(Kind.SUPPLEMENT), no, f.clerk);
            Files.createDirectories(DocumentsTest.OUT);
            Files.write(DocumentsTest.OUT.resolve("supplement-printed-later.pdf"), later);
            String text = PrintFixture.text(later).replaceAll("\\s", "");
            assertThat(text).contains("截至本通知书日期（2026年11月5日），办理时限尚余27个工作日",
                    "道里区医保中心（盖章）　　2026年11月5日", "打印时间：2026-11-2009:30");
            assertThat(text).doesNotContain("尚余" + leftNow + "个工作日", "2026年11月20日");
        }
    }
}
