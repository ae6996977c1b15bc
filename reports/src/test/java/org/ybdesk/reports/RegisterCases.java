package org.ybdesk.reports;

import java.util.List;
import java.util.Set;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.CaseViews.CaseView;

/**
 * The cases behind the register tests (issue 14): one case of every item run to its end through the real services
 * (payments, 拨付, item 10's 余额划转), a settlement refused after its amounts were declared, and enough open cases
 * — some with long names — for the ledger to run over several pages. Case numbers are 24 digits (agency
 * 230102001).
 */
final class RegisterCases {
    /** The declared amount of the refused settlement, in fen. */
    static final long REFUSED_DECLARED = 1_234_567;

    private RegisterCases() {
    }

    /** Items run to their end: 支付 (17 报销, 23 生育, 27 结算), 拨付, and item 10's 余额划转; 9 and 14 close without. */
    static final int[] RUN = {9, 10, 14, 17, 23, 27};

    private static PrintFixture shared;

    /**
     * One desk with these cases per test JVM (building them is most of the tests' time), in its own temporary
     * folder, closed and removed when the JVM ends. Its clock is {@link RegistersTest#clock}, which a test may move.
     */
    static synchronized PrintFixture shared() {
        if (shared == null) {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("registers");
                PrintFixture f = new PrintFixture(dir, org.ybdesk.service.Mode.PRODUCTION, RegistersTest.clock);
                fill(f);
                shared = f;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    f.close();
                    try (var files = java.nio.file.Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
                    } catch (java.io.IOException e) {
                        // a temporary folder left behind
                    }
                }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    static void fill(PrintFixture f) {
        for (int item : RUN) {
            boolean person = f.desk.catalog().item(item).applicantKind() == ApplicantKind.PERSON;
            CaseView c = f.create(item, person ? "欧阳" + (char) ('甲' + item) : "道里区第" + item + "医疗器械有限责任公司",
                    Set.of());
            f.run(c.summary().caseNo(), 14);
        }
        CaseView refused = f.create(27, "道里区松花江沿岸社区卫生服务中心附属门诊部", Set.of());
        f.act(refused.summary().caseNo(), Command.withReasons(CaseAction.REFUSE, List.of("申报材料不属于本机构受理范围")),
                f.clerk);
        for (int i = 0; i < 60; i++) {
            String name = i % 7 == 0 ? "司马" + (char) ('子' + i) + "慧" : "王" + (char) ('一' + i);
            CaseView c = f.create(i % 2 == 0 ? 17 : 9, name, Set.of());
            if (i % 3 == 0) {
                f.act(c.summary().caseNo(), Command.of(CaseAction.ACCEPT), f.clerk);
            }
        }
    }
}
