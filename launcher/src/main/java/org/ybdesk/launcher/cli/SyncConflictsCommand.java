package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk sync conflicts [--all] [--json] [--handle TASK --note TEXT]}: the registry conflicts the province
 * reported for this agency (issue 13, D138) — the same person or unit registered by two agencies, with both
 * agencies, windows and occurrence times — for an administrator or 负责人; {@code --handle} marks one resolved with
 * what was done (audited, like every 退回任务).
 */
@Command(name = "conflicts")
final class SyncConflictsCommand extends Base {
    @Option(names = "--all", descriptionKey = "ybdesk.sync.conflicts.all")
    boolean all;

    @Option(names = "--handle", paramLabel = "TASK", descriptionKey = "ybdesk.sync.conflicts.handle")
    Long handle;

    @Option(names = "--note", paramLabel = "TEXT", descriptionKey = "ybdesk.sync.conflicts.note")
    String note;

    @Mixin
    OutputOptions output;

    @Override
    Integer execute() {
        var actor = actor();
        SyncStore store = new SyncStore(desk());
        List<SyncStore.Conflict> known = store.conflicts(!all && handle == null, actor);
        if (handle != null) {
            SyncStore.Conflict c = known.stream().filter(x -> x.taskId() == handle).findFirst()
                    .orElseThrow(() -> new ServiceException(Out.t("sync.conflicts.unknown", String.valueOf(handle))));
            store.handleTask(c.taskId(), note, actor);
            SyncStore.Conflict done = store.conflicts(false, actor).stream().filter(x -> x.taskId() == handle)
                    .findFirst().orElseThrow();
            output.print(done, () -> out().println(SyncStore.describe(done)));
            return 0;
        }
        output.print(known, () -> {
            if (known.isEmpty()) {
                out().println(Out.t(all ? "sync.conflicts.none.all" : "sync.conflicts.none"));
                return;
            }
            out().println(Out.t("sync.conflicts.count", known.size(), known.stream().filter(SyncStore.Conflict::open)
                    .count()));
            known.forEach(c -> out().println(SyncStore.describe(c)));
            out().println(Out.t("sync.conflicts.hint"));
        });
        return 0;
    }
}
