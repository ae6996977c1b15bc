package org.ybdesk.launcher.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.sync.Handoffs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ybdesk case holder NO}: who holds the case — the province's answer when it is reachable, else what this
 * desk knows, marked 「离线，显示本机所知」.
 */
@Command(name = "holder")
final class CaseHolderCommand extends Base {
    @Parameters(paramLabel = "CASE_NO")
    String caseNo;
    @Mixin
    OutputOptions output;

    @Override
    Integer execute() {
        actor();
        Handoffs.HolderAnswer a = Handoffs.forDesk(desk(), ctx().dataDir()).holder(caseNo);
        CaseHolder h = a.holder();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", caseNo);
        m.put("holder", h);
        m.put("online", a.online());
        m.put("note", a.note());
        output.print(m, () -> {
            out().println(text(caseNo, h));
            if (a.note() != null) {
                out().println(a.note());
            }
        });
        return 0;
    }

    /** 「办件 … 由 道里区医保中心（230102001）窗口 02（…）持有，自 …」 or 「… 在 … 待领取（下一环节 审核）…」. */
    static String text(String caseNo, CaseHolder h) {
        String agency = h.agencyName() == null ? h.agencyCode() : h.agencyName() + "（" + h.agencyCode() + "）";
        String where = h.inPool()
                ? Out.t("case.holder.pool", caseNo, agency, h.nextAction() == null ? "" : h.nextAction())
                : Out.t("case.holder.desk", caseNo, agency, String.format("%02d", h.windowNo()),
                        h.deskName() == null ? "" : h.deskName());
        StringBuilder b = new StringBuilder(where);
        if (h.since() != null) {
            b.append(Out.t("case.holder.since", h.since()));
        }
        if (h.acceptorAgencyCode() != null) {
            b.append(Out.t("case.holder.acceptor", h.acceptorAgencyCode(),
                    h.acceptorWindowNo() == null ? "—" : String.format("%02d", h.acceptorWindowNo())));
        }
        return b.toString();
    }
}
