package org.ybdesk.launcher.cli;

import org.ybdesk.service.OutageService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk outage add|list} (issue 13): outages of the information system (停机). Recording one needs a 负责人
 * or 管理员 and extends the time limits of the cases whose clock runs during it (办结时限顺延).
 */
@Command(name = "outage", subcommands = {OutageCommand.Add.class, OutageCommand.ListOutages.class})
final class OutageCommand {

    @Command(name = "add")
    static final class Add extends Base {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD HH:MM")
        String from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD HH:MM")
        String to;
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;
        @Option(names = "--scope", paramLabel = "TEXT")
        String scope;
        @Option(names = "--notice", paramLabel = "REF")
        String notice;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            var actor = actor();
            OutageService.Recorded r = desk().outages().add(from, to, scope, reason, notice, actor);
            output.print(r, () -> {
                out().println(Out.t("outage.added", r.outage().periodText(), r.outage().reason(),
                        String.valueOf(r.outage().days().size())));
                out().println(r.extendedCases().isEmpty() ? Out.t("outage.extended.none")
                        : Out.t("outage.extended", String.valueOf(r.extendedCases().size()),
                        String.join("、", r.extendedCases())));
            });
            return 0;
        }
    }

    @Command(name = "list")
    static final class ListOutages extends Base {
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            output.list(desk().outages().list(), "outage.none", o -> out().println(Out.t("outage.row",
                    o.periodText(), o.scope(), o.reason(), o.noticeRef() == null ? "—" : o.noticeRef(),
                    o.recordedBy())));
            return 0;
        }
    }
}
