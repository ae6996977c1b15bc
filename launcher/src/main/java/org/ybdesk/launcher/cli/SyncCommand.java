package org.ybdesk.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ybdesk.service.Desk;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;
import org.ybdesk.sync.SyncConfig;
import org.ybdesk.sync.SyncEngine;
import org.ybdesk.sync.SyncReport;
import org.ybdesk.sync.SyncStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ybdesk sync now | status | configure}: provincial sync from the command line (same engine as the GUI). */
@Command(name = "sync", subcommands = {SyncCommand.Now.class, SyncCommand.Status.class, SyncCommand.Configure.class,
        SyncRetryCommand.class, SyncConflictsCommand.class})
final class SyncCommand {

    @Command(name = "now")
    static final class Now extends Base {
        @Override
        Integer execute() throws Exception {
            Desk d = desk();
            if (!ctx().sandbox) { // the sandbox has no route to the province: that refusal says more
                admin("admin.required.sync");
            }
            SyncReport r;
            try (SyncEngine engine = new SyncEngine(d, SyncConfig.load(ctx().dataDir()), Duration.ofSeconds(1),
                    Duration.ofSeconds(1))) {
                try {
                    r = engine.syncNow().get(30, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                } catch (TimeoutException e) {
                    throw new ServiceException(Out.t("sync.now.tooLong"));
                }
            }
            var up = r.upload();
            if (up != null) {
                out().println(Out.t("sync.now.upload", up.sent(), up.acked(), up.duplicates(), up.refused()));
            }
            var pull = r.pull();
            if (pull != null) {
                out().println(Out.t("sync.now.pull", pull.referenceEntries(), pull.persons(), pull.units(),
                        pull.keptLocal()));
            }
            var err = spec.commandLine().getErr();
            if (r.error() != null) {
                err.println(Out.t("error.line", r.error()));
            }
            if (r.refused() > 0) {
                SyncStore store = new SyncStore(d);
                for (SyncStore.Task t : store.openTasks(1000)) {
                    for (SyncStore.TaskMessage m : t.messages()) {
                        err.println(Out.t("sync.now.refused", t.entityId(), m.seq(), m.errCode(), m.errMsg()));
                    }
                }
            }
            if (r.ok() && r.refused() == 0) {
                out().println(Out.t("sync.now.ok"));
                return 0;
            }
            return YbdeskCommand.REFUSED;
        }
    }

    @Command(name = "status")
    static final class Status extends Base {
        @Mixin
        OutputOptions output;

        @Override
        Integer execute() throws Exception {
            Desk d = desk();
            admin("admin.required.sync");
            SyncStore store = new SyncStore(d);
            SyncStore.Counts c = store.counts();
            SyncStore.State s = store.state();
            java.util.List<SyncStore.QuarantinedChain> quarantined = store.quarantined();
            // registry conflicts reported by the province (issue 13, D138): the open ones, described
            java.util.List<String> openConflicts = store.conflicts(true).stream().map(SyncStore::describe).toList();
            var cfg = SyncConfig.load(ctx().dataDir());
            boolean online = false;
            if (cfg.isPresent() && d.mode() == org.ybdesk.service.Mode.PRODUCTION) {
                online = new org.ybdesk.sync.ProvinceClient(cfg.get().withTimeoutSeconds(5)).healthy();
            }
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("configured", cfg.isPresent());
                m.put("server", cfg.map(SyncConfig::base).orElse(null));
                m.put("windowNo", cfg.map(SyncConfig::windowNo).orElse(null));
                m.put("online", online);
                m.put("pending", c.pending());
                m.put("failing", c.failing());
                m.put("acknowledged", c.acked());
                m.put("refused", c.refused());
                m.put("openTasks", c.openTasks());
                m.put("lastSync", s.lastSuccessAt());
                m.put("lastError", s.lastError());
                m.put("referenceVersion", s.referenceVersion());
                m.put("registryVersion", s.registryVersion());
                m.put("quarantined", quarantined);
                m.put("openConflicts", openConflicts);
                Out.json(out(), m);
                return 0;
            }
            out().println(cfg.map(x -> Out.t("sync.status.server", x.base(), x.windowNo()))
                    .orElse(org.ybdesk.sync.Texts.get("config.missing")));
            out().println(Out.t(online ? "sync.status.online" : "sync.status.offline"));
            out().println(Out.t("sync.status.counts", c.pending(), c.failing(), c.acked(), c.refused(),
                    c.openTasks()));
            out().println(Out.t("sync.status.last", s.lastSuccessAt() == null ? Out.t("sync.status.never")
                    : time(s.lastSuccessAt())));
            if (s.lastError() != null) {
                out().println(Out.t("sync.status.error", s.lastError()));
            }
            if (!quarantined.isEmpty()) {
                out().println(Out.t("sync.status.quarantined", quarantined.size()));
                for (SyncStore.QuarantinedChain q : quarantined) {
                    String kind = switch (q.entityType()) {
                        case "CASE", "PERSON", "UNIT" -> Out.t("sync.chain." + q.entityType());
                        default -> q.entityType();
                    };
                    out().println(Out.t("sync.status.quarantined.chain", kind,
                            q.entityId(), q.seq(), q.msgType(), q.reason(), q.since() == null ? "" : time(q.since()),
                            q.waiting()));
                }
                out().println(Out.t("sync.status.quarantined.retry"));
            }
            if (!openConflicts.isEmpty()) {
                out().println(Out.t("sync.status.conflicts", openConflicts.size()));
                openConflicts.forEach(line -> out().println("  " + line));
            }
            return 0;
        }

        private static String time(OffsetDateTime t) {
            return t.atZoneSameInstant(Desk.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ');
        }
    }

    @Command(name = "configure")
    static final class Configure extends Base {
        @Option(names = "--server", required = true, paramLabel = "URL", descriptionKey = "ybdesk.sync.configure.server")
        String server;

        @Option(names = "--window-no", paramLabel = "N", descriptionKey = "ybdesk.sync.configure.window-no")
        Integer windowNo;

        /** The option's name before issue 11, still accepted (hidden from the help). */
        @Option(names = "--desk-no", paramLabel = "N", hidden = true)
        Integer oldWindowNo;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", descriptionKey = "ybdesk.sync.configure.token")
        String token;

        @Option(names = "--trust-store", paramLabel = "FILE", descriptionKey = "ybdesk.sync.configure.trust-store")
        Path trustStore;

        @Option(names = "--trust-store-password", paramLabel = "PASSWORD",
                descriptionKey = "ybdesk.sync.configure.trust-store-password")
        String trustStorePassword;

        @Option(names = "--batch-size", paramLabel = "N", descriptionKey = "ybdesk.sync.configure.batch-size")
        int batchSize;

        @Option(names = "--interval", paramLabel = "SECONDS", descriptionKey = "ybdesk.sync.configure.interval")
        int interval;

        @Override
        Integer execute() {
            Integer given = windowNo != null ? windowNo : oldWindowNo;
            admin("admin.required.sync");
            // the window registered at the province is the desk's own (D117): it is in every case number it issues
            int n = desk().requireWindowNo();
            if (given != null && given != n) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        Out.t("sync.configure.windowMismatch", String.valueOf(n), String.valueOf(given)));
            }
            SyncConfig c = SyncConfig.save(ctx().dataDir(), new SyncConfig(server, n, token, trustStore,
                    trustStorePassword, batchSize, interval, 0));
            out().println(Out.t("sync.configure.done", c.base(), c.windowNo(), ctx().dataDir().resolve(SyncConfig.FILE)));
            if (desk().mode() == org.ybdesk.service.Mode.PRODUCTION) {
                // who the province knows this desk as; the case-number counters continue above what it received
                try {
                    var info = org.ybdesk.sync.ProvinceDesk.apply(desk(),
                            new org.ybdesk.sync.ProvinceClient(c.withTimeoutSeconds(10)));
                    out().println(Out.t("sync.configure.desk", info.agency() == null ? "" : info.agency().name(),
                            String.format("%02d", info.windowNo()), info.name() == null ? "" : info.name()));
                } catch (org.ybdesk.sync.Unanswered | org.ybdesk.sync.Refused e) {
                    out().println(Out.t("sync.configure.deskLater", e.getMessage()));
                }
            }
            return 0;
        }
    }
}
