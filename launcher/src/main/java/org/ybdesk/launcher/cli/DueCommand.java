package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.CaseViews.CaseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "due", subcommands = DueCommand.ListDue.class)
final class DueCommand {

    @Command(name = "list")
    static final class ListDue extends Base {
        @Option(names = "--all")
        boolean all;
        @Option(names = "--limit", defaultValue = "1000")
        int limit;
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() {
            actor();
            List<CaseSummary> due = desk().cases().dueList(all, limit);
            output.list(due, "due.none", s -> CaseCommand.printSummary(this, s));
            return 0;
        }
    }
}
