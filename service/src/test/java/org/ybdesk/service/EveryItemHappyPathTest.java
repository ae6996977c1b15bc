package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * Each of the 28 items, taken in with valid values for all its required fields, runs its whole flow to 办结 through
 * the positive actions, each taken by a person of the right role (distinct people, so separation of duties holds),
 * and produces its success message with every placeholder filled.
 */
class EveryItemHappyPathTest {
    private static final Set<CaseAction> NEGATIVE = EnumSet.of(CaseAction.REFUSE, CaseAction.REJECT,
            CaseAction.REQUEST_SUPPLEMENT, CaseAction.EVALUATE_FAIL);

    /** The positive path of each item from 受理, as its 办理流程 writes it (D85). */
    static final Map<Integer, List<CaseAction>> PATHS = new java.util.HashMap<>();

    static {
        List<CaseAction> windowReview = List.of(CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.CLOSE);
        List<CaseAction> window = List.of(CaseAction.ACCEPT, CaseAction.CLOSE);
        List<CaseAction> reviewPay = List.of(CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.PAY, CaseAction.CLOSE);
        List<CaseAction> recheckPay = List.of(CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.RECHECK, CaseAction.PAY,
                CaseAction.CLOSE);
        for (int no : new int[] {1, 2, 3, 4, 5, 6}) {
            PATHS.put(no, windowReview);
        }
        for (int no : new int[] {7, 8, 11, 12, 13, 14, 15}) {
            PATHS.put(no, window);
        }
        PATHS.put(9, reviewPay);
        PATHS.put(10, List.of(CaseAction.ACCEPT, CaseAction.TRANSFER_OUT, CaseAction.TRANSFER_IN,
                CaseAction.MOVE_BALANCE));
        PATHS.put(16, List.of(CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.CLOSE));
        for (int no = 17; no <= 22; no++) {
            PATHS.put(no, recheckPay);
        }
        PATHS.put(23, reviewPay);
        PATHS.put(24, reviewPay);
        PATHS.put(25, List.of(CaseAction.ACCEPT, CaseAction.EVALUATE, CaseAction.PUBLICIZE, CaseAction.SIGN));
        PATHS.put(26, PATHS.get(25));
        List<CaseAction> settlement = List.of(CaseAction.ACCEPT, CaseAction.REVIEW, CaseAction.RECHECK,
                CaseAction.APPROVE, CaseAction.PAY, CaseAction.CLOSE);
        PATHS.put(27, settlement);
        PATHS.put(28, settlement);
    }

    @TempDir
    static Path dir;
    static DeskFixture f;

    @BeforeAll
    static void open() {
        f = new DeskFixture(dir, LocalDate.of(2026, 11, 2));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    static List<Integer> items() {
        return Catalog.loadDefault().items().stream().map(ServiceItem::no).toList();
    }

    /** 17 → 一七: names may not contain digits. */
    static String hanzi(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append("〇一二三四五六七八九".charAt(c - '0'));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "事项{0}")
    @MethodSource("items")
    void runsToClosedWithItsSuccessMessage(int no) {
        ServiceItem item = f.item(no);
        CaseService.Applicant ap = item.applicantKind() == org.ybdesk.core.catalog.ApplicantKind.PERSON
                ? DeskFixture.person("测试" + hanzi(no)) : DeskFixture.institution("测试单位" + hanzi(no));
        // the changes (4–6) need the applicant in the registry, with the value they change (issue 10, D91)
        Map<String, String> given = f.registerForChange(no, ap);
        CaseView v;
        if (item.flow() == FlowVariant.SETTLEMENT) {
            Map<Integer, org.ybdesk.core.catalog.MaterialStatus> all = new java.util.LinkedHashMap<>();
            item.materials().forEach(m -> all.put(m.no(), org.ybdesk.core.catalog.MaterialStatus.ELECTRONIC));
            v = f.desk.cases().create(new CaseService.NewCase(no, ap, Samples.fields(item, Map.of()), all, null,
                    Money.ofFen(500_000), Money.ofFen(500_000)), f.clerk);
        } else {
            v = f.create(no, ap, given, f.clerk);
        }
        String caseNo = v.summary().caseNo();
        List<CaseAction> taken = new java.util.ArrayList<>();
        List<Role> roles = new java.util.ArrayList<>();
        int steps = 0;
        while (!v.summary().state().terminal()) {
            assertThat(steps++).as("flow of item %d does not end", no).isLessThan(12);
            Availability next = f.desk.cases().show(caseNo, f.allRounder).actions().stream()
                    .filter(a -> !NEGATIVE.contains(a.action())).findFirst()
                    .orElseThrow(() -> new AssertionError("no positive action in state " + f.desk.cases()
                            .show(caseNo, null).summary().stateLabel()));
            Role role = org.ybdesk.core.lifecycle.Lifecycle.possible(item,
                    f.desk.cases().show(caseNo, null).summary().state()).get(next.action());
            // amounts: decided at 审核, confirmed at 复核 (D87); 支付 pays them; the transfer moves its own balance
            boolean money = next.action() == CaseAction.MOVE_BALANCE
                    || (org.ybdesk.core.lifecycle.Lifecycle.decidesAmountAtReview(item)
                    && (next.action() == CaseAction.REVIEW || next.action() == CaseAction.RECHECK));
            Command cmd = money ? Command.withAmount(next.action(), Money.ofFen(500_000)) : Command.of(next.action());
            v = f.desk.cases().act(caseNo, cmd, null, f.actorFor(role));
            taken.add(next.action());
            roles.add(role);
        }
        assertThat(v.summary().state()).isEqualTo(CaseState.CLOSED);
        assertThat(taken).as("item %d: the stages of its 办理流程 (D85)", no).containsExactlyElementsOf(PATHS.get(no));
        if (no <= 6) {
            assertThat(roles).as("1–6 are reviewed at the window (D86)").containsOnly(Role.CLERK);
        }
        if (v.flow().payable() != null) {
            assertThat(v.paid()).isEqualTo(v.flow().payable()).isEqualTo(Money.ofFen(500_000));
        }
        assertThat(v.messages()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("SUCCESS");
            assertThat(m.text()).startsWith("【道里区医保中心】").doesNotContain("{").doesNotContain("*")
                    .contains("0451-84661234");
        });
        assertThat(v.events().get(0).action()).isEqualTo("RECEIVE");
        if (no == 4) {
            assertThat(f.desk.registry().findUnit(ap.idNumber()).orElseThrow().address())
                    .isEqualTo(Samples.value(item.field("unitAddress").orElseThrow()));
        }
        if (no == 5 || no == 6) {
            assertThat(f.desk.registry().findPerson(ap.idNumber()).orElseThrow().phone()).isEqualTo("13700001111");
        }
    }
}
