package org.ybdesk.launcher.cli;

import java.util.List;
import org.ybdesk.service.SyncStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk sync retry --seq N | --all}: an administrator or the agency head puts quarantined messages back to
 * be uploaded (audited). The next round sends them first within their chains.
 */
@Command(name = "retry")
final class SyncRetryCommand extends Base {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;
    @Mixin
    OutputOptions output;

    static final class Which {
        @Option(names = "--seq", paramLabel = "N", descriptionKey = "ybdesk.sync.retry.seq")
        Long seq;
        @Option(names = "--all", descriptionKey = "ybdesk.sync.retry.all")
        boolean all;
    }

    @Override
    Integer execute() {
        var actor = actor();
        List<Long> seqs = new SyncStore(desk()).retry(which.all ? null : which.seq, actor);
        output.print(seqs, () -> out().println(seqs.isEmpty() ? Out.t("sync.retry.none")
                : Out.t("sync.retry.done", seqs.size(), seqs.toString())));
        return 0;
    }
}
