package org.ybdesk.launcher.cli;

import org.ybdesk.db.AuditLog;
import picocli.CommandLine.Command;

@Command(name = "audit", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify")
    static final class Verify extends Base {
        @Override
        Integer execute() {
            actor();
            AuditLog.Verification v = desk().verifyAudit();
            if (v.ok()) {
                out().println(Out.t("audit.ok", String.valueOf(v.rows())));
                return 0;
            }
            spec.commandLine().getErr().println(Out.t("audit.broken", String.valueOf(v.firstBadSeq())));
            return YbdeskCommand.REFUSED;
        }
    }
}
