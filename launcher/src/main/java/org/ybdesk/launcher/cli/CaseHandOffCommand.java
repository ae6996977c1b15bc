package org.ybdesk.launcher.cli;

import org.ybdesk.service.CaseViews.CaseView;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk case forward NO [--reason TEXT]} (移交: to the level the routing names for the next stage) and
 * {@code ybdesk case release NO [--reason TEXT]} (释放: back to this agency's pool). Both are outbox messages sent
 * with the next sync; the case shows 待移交/待释放 until the province acknowledges it (issue 12).
 */
final class CaseHandOffCommand {
    private CaseHandOffCommand() {
    }

    static void printResult(Base b, OutputOptions output, CaseView v) {
        output.print(v, () -> {
            b.out().println(Out.t("case.handOff.done", v.summary().caseNo(), v.holding().handOffLabel()));
            CaseCommand.printHolding(b, v);
        });
    }

    @CommandLine.Command(name = "forward")
    static final class Forward extends Base {
        @Parameters(paramLabel = "CASE_NO")
        String caseNo;
        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            printResult(this, output, desk().cases().forward(caseNo, reason, actor()));
            return 0;
        }
    }

    @CommandLine.Command(name = "release")
    static final class Release extends Base {
        @Parameters(paramLabel = "CASE_NO")
        String caseNo;
        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            printResult(this, output, desk().cases().release(caseNo, reason, actor()));
            return 0;
        }
    }
}
