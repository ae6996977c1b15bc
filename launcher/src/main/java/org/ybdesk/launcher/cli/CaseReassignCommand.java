package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.ReassignResult;
import org.ybdesk.sync.Handoffs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk case reassign --from-window N [--to-window M] [--case NO …] --reason TEXT}: a supervisor (负责人) or an
 * administrator moves the cases held by a lost desk of this agency to the agency's pool or to another desk (online,
 * audited, the reason kept with each case).
 */
@Command(name = "reassign")
final class CaseReassignCommand extends Base {
    @Option(names = "--from-window", required = true, paramLabel = "N", descriptionKey = "ybdesk.case.reassign.from-window")
    int fromWindow;
    @Option(names = "--to-window", paramLabel = "N", descriptionKey = "ybdesk.case.reassign.to-window")
    Integer toWindow;
    @Option(names = "--case", paramLabel = "CASE_NO", split = ",", descriptionKey = "ybdesk.case.reassign.case")
    List<String> caseNos;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "ybdesk.case.reassign.reason")
    String reason;
    @Mixin
    OutputOptions output;

    @Override
    Integer execute() {
        var actor = actor();
        ReassignResult r = Handoffs.forDesk(desk(), ctx().dataDir()).reassign(fromWindow, toWindow, caseNos, reason,
                actor);
        output.print(r, () -> {
            out().println(Out.t("case.reassign.done", r.moved().size(), String.format("%02d", fromWindow)));
            for (CaseHolder h : r.moved()) {
                out().println("  " + CaseHolderCommand.text(h.caseNo(), h));
            }
        });
        return 0;
    }
}
