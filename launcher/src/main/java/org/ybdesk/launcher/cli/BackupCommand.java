package org.ybdesk.launcher.cli;

import java.nio.file.Path;
import org.ybdesk.service.BackupService;
import org.ybdesk.service.Mode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ybdesk backup create|verify|restore|configure|auto}: backups of the desk's (encrypted) database. */
@Command(name = "backup", subcommands = {BackupCommand.Create.class, BackupCommand.Verify.class,
        BackupCommand.Restore.class, BackupCommand.Configure.class, BackupCommand.Auto.class})
final class BackupCommand {

    static void print(Base b, BackupService.BackupContents m, String key, Path file) {
        b.out().println(Out.t(key, file.toAbsolutePath().toString(), String.valueOf(m.cases()),
                String.valueOf(m.persons()), String.valueOf(m.units()), String.valueOf(m.auditRecords()),
                String.valueOf(m.auditHeadSeq()), m.auditHeadHash().substring(0, 16), m.schemaVersion(),
                m.createdAt().toString()));
    }

    @Command(name = "create")
    static final class Create extends Base {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        Integer execute() {
            var v = desk().backups().create(out, actor());
            out().println(Out.t("backup.created", v.file().toString(), String.valueOf(v.bytes()), v.sha256(),
                    String.valueOf(v.auditSeq())));
            return 0;
        }
    }

    @Command(name = "verify")
    static final class Verify extends Base {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        Integer execute() {
            print(this, BackupService.verify(file), "backup.verified", file);
            return 0;
        }
    }

    @Command(name = "restore")
    static final class Restore extends Base {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        Integer execute() {
            Mode mode = ctx().sandbox ? Mode.SANDBOX : Mode.PRODUCTION;
            BackupService.BackupContents m = BackupService.restore(file, ctx().dataDir(), mode, YbdeskCommand.clock);
            print(this, m, "backup.restored", ctx().dataDir());
            return 0;
        }
    }

    @Command(name = "configure")
    static final class Configure extends Base {
        @Option(names = "--dir", required = true, paramLabel = "DIR")
        Path dir;
        @Option(names = "--keep", paramLabel = "N", defaultValue = "" + BackupService.DEFAULT_KEEP)
        int keep;

        @Override
        Integer execute() {
            var s = desk().backups().configure(dir, keep, actor());
            out().println(Out.t("backup.configured", s.folder().map(Path::toString).orElse(""),
                    String.valueOf(s.keep())));
            return 0;
        }
    }

    @Command(name = "auto")
    static final class Auto extends Base {
        @Override
        Integer execute() {
            var taken = desk().backups().dailyIfDue();
            if (taken.isPresent()) {
                out().println(Out.t("backup.created", taken.get().file().toString(),
                        String.valueOf(taken.get().bytes()), taken.get().sha256(),
                        String.valueOf(taken.get().auditSeq())));
            } else {
                out().println(desk().backups().settings().folder().isPresent() ? Out.t("backup.auto.notDue")
                        : Out.t("backup.auto.unconfigured"));
            }
            return 0;
        }
    }
}
