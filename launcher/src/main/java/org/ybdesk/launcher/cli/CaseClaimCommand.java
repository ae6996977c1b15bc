package org.ybdesk.launcher.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.sync.Handoffs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk case claim NO}: 领取 — the province gives the case to this desk if it waits in the pool of the desk's
 * agency (online only; a case another desk took first is refused naming that desk, exit 1).
 */
@Command(name = "claim")
final class CaseClaimCommand extends Base {
    @Parameters(paramLabel = "CASE_NO")
    String caseNo;
    @Mixin
    OutputOptions output;

    @Override
    Integer execute() {
        var actor = actor();
        CaseView v = Handoffs.forDesk(desk(), ctx().dataDir()).claim(caseNo, actor);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", v.summary().caseNo());
        m.put("state", v.summary().state());
        m.put("stateLabel", v.summary().stateLabel());
        m.put("claimedBy", actor.name());
        output.print(m, () -> out().println(Out.t("case.claim.done", v.summary().caseNo(), v.summary().stateLabel())));
        return 0;
    }
}
