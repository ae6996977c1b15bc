package org.ybdesk.launcher.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ybdesk.service.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ybdesk diagnostics export --out FILE.zip} (issue 15): the same zip as the window's 导出诊断信息 — the
 * logs and the system's facts with personal data scrubbed. No login: the help desk needs it most when logging in
 * fails; nothing personal leaves the desk through it.
 */
@Command(name = "diagnostics", subcommands = {DiagnosticsCommand.Export.class})
final class DiagnosticsCommand {

    @Command(name = "export")
    static final class Export extends Base {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        Integer execute() {
            Path logs = Path.of(System.getProperty("ybdesk.logDir", ctx().dataDir().resolve("logs").toString()));
            Map<String, String> system = new LinkedHashMap<>();
            system.put(Out.t("diagnostics.fact.program"), Out.t("diagnostics.fact.cli"));
            new Diagnostics(desk()).export(out, logs, system);
            out().println(Out.t("diagnostics.exported", out.toAbsolutePath().toString()));
            return 0;
        }
    }
}
