package org.ybdesk.launcher.cli;

import java.io.PrintWriter;
import org.ybdesk.service.AuditReport;
import picocli.CommandLine.Command;

@Command(name = "audit", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    /**
     * Checks the hash chain, every current case, person, unit and pending outbox message against its last audit
     * record, and the chain against the head the province accepted (D71); prints the chain head to compare with the
     * last printed ledger.
     */
    @Command(name = "verify")
    static final class Verify extends Base {
        @Override
        Integer execute() {
            actor();
            AuditReport v = desk().verifyAudit();
            out().println(Out.t("audit.content.head", v.headLine()));
            if (v.anchorLine() != null) {
                out().println(v.anchorLine());
            }
            if (v.ok()) {
                out().println(Out.t("audit.ok", String.valueOf(v.rows())));
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            if (v.firstBadSeq() != null) {
                err.println(Out.t("audit.broken", String.valueOf(v.firstBadSeq())));
            }
            err.println(Out.t("audit.content.problems", String.valueOf(v.problems().size())));
            v.problems().forEach(p -> err.println("  - " + p));
            return YbdeskCommand.REFUSED;
        }
    }
}
