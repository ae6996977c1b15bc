package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.CaseViews.CaseSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "due", subcommands = DueCommand.ListDue.class)
final class DueCommand {

    @Command(name = "list")
    static final class ListDue extends Base {
        @Option(names = "--all")
        boolean all;
        @Option(names = "--limit", defaultValue = "1000")
        int limit;
        @Option(names = "--json")
        boolean json;

        @Override
        Integer execute() {
            actor();
            List<CaseSummary> due = desk().cases().dueList(all, limit);
            if (json) {
                Out.json(out(), due);
            } else if (due.isEmpty()) {
                out().println(Out.t("due.none"));
            } else {
                due.forEach(s -> CaseCommand.printSummary(this, s));
            }
            return 0;
        }
    }
}
