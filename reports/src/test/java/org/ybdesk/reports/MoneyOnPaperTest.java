package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.reports.PrintDoc.Kind;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Mode;

/**
 * Issue 14, items 3 and 4 (D164): every amount that authorises or confirms a payment prints 人民币（大写）and ¥ with
 * thousands separators — approval sheets (核定, 复核确认, 支付), payment notices, settlement, reimbursement, withdrawal,
 * maternity, assistance — through one formatter; admin-division codes print as name with code.
 */
class MoneyOnPaperTest {
    static final Money AMOUNT = Money.ofFen(1_234_560);
    static final String WORDS = "人民币（大写）壹万贰仟叁佰肆拾伍元陆角整";
    static final String FIGURES = "¥12,345.60";

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() {
        f = new PrintFixture(dir, Mode.PRODUCTION);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void oneFormatterForFiguresCapitalsAndPlaces() {
        assertThat(PaperFormats.amount(AMOUNT)).isEqualTo(FIGURES);
        assertThat(PaperFormats.amount(Money.ofFen(123_456_789_01L))).isEqualTo("¥123,456,789.01");
        assertThat(PaperFormats.amount(Money.ofFen(5))).isEqualTo("¥0.05");
        assertThat(PaperFormats.amount(Money.ofFen(-1_230))).isEqualTo("-¥12.30");
        assertThat(PaperFormats.authorised(AMOUNT)).isEqualTo(WORDS + "　（小写）" + FIGURES);
        assertThat(PaperFormats.authorised(Money.ofFen(10_007))).isEqualTo("人民币（大写）壹佰元零柒分　（小写）¥100.07");
        assertThat(PaperFormats.place("460200")).isEqualTo("海南省三亚市（460200）");
        assertThat(PaperFormats.place(" 230102 ")).isEqualTo("黑龙江省哈尔滨市道里区（230102）");
        assertThat(PaperFormats.place("999999")).isEqualTo("999999"); // unknown: the code as typed, never a guess
        assertThat(PaperFormats.place("")).isEmpty();
    }

    @Test
    void everyPaymentDocumentPrintsTheAmountInCapitalsAndFigures() throws Exception {
        Files.createDirectories(DocumentsTest.OUT);
        // withdrawal, reimbursements, maternity allowance, assistance subsidy and reimbursement, settlement
        Map<Integer, Set<Kind>> docs = Map.of(
                9, Set.of(Kind.APPROVAL),
                17, Set.of(Kind.APPROVAL, Kind.REIMBURSEMENT),
                22, Set.of(Kind.APPROVAL, Kind.COST_REVIEW, Kind.SUBSIDY),
                23, Set.of(Kind.APPROVAL, Kind.SUBSIDY),
                24, Set.of(Kind.APPROVAL, Kind.REIMBURSEMENT),
                27, Set.of(Kind.APPROVAL, Kind.COST_REVIEW));
        for (var e : docs.entrySet()) {
            String no = f.create(e.getKey(), "钱多多", Set.of()).summary().caseNo();
            assertThat(runWith(no, AMOUNT).summary().state()).as("item %d", e.getKey()).isEqualTo(CaseState.CLOSED);
            for (Kind k : e.getValue()) {
                byte[] pdf = f.prints.render(PrintDoc.of(k), no, f.clerk);
                Files.write(DocumentsTest.OUT.resolve("money-" + e.getKey() + "-" + k.code() + ".pdf"), pdf);
                String text = PrintFixture.text(pdf).replaceAll("\\s", "");
                assertThat(text).as("item %d %s", e.getKey(), k).contains(WORDS, FIGURES)
                        .doesNotContain("12345.60", "¥12,345.60元");
            }
        }
    }

    @Test
    void divisionCodesOnDocumentsPrintAsNameWithCode() throws Exception {
        // 14 异地就医备案: 参保地 and 就医地 are division codes in the catalog
        CaseView c = f.create(14, "吴十", Set.of());
        f.run(c.summary().caseNo(), 5);
        String text = PrintFixture.text(f.prints.render(PrintDoc.of(Kind.FILING), c.summary().caseNo(), f.clerk))
                .replaceAll("\\s", "");
        assertThat(text).contains("黑龙江省哈尔滨市道里区（230102）");
    }

    /** The positive steps to 办结 with {@code amount} decided at 审核 and confirmed at 复核. */
    private static CaseView runWith(String no, Money amount) {
        CaseView v = f.desk.cases().show(no, null);
        ServiceItem item = f.desk.catalog().item(v.summary().itemNo());
        for (int i = 0; i < 12 && !v.summary().state().terminal(); i++) {
            Map<CaseAction, Role> possible = Lifecycle.possible(item, v.summary().state());
            CaseAction next = possible.keySet().stream().filter(a -> !PrintFixture.NEGATIVE.contains(a)).findFirst()
                    .orElseThrow();
            boolean money = Lifecycle.decidesAmountAtReview(item)
                    && (next == CaseAction.REVIEW || next == CaseAction.RECHECK);
            v = f.act(no, money ? Command.withAmount(next, amount) : Command.of(next), f.actorFor(possible.get(next)));
        }
        return v;
    }
}
