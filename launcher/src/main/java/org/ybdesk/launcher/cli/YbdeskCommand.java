package org.ybdesk.launcher.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import org.ybdesk.core.calendar.DateOutsideCalendarException;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.lifecycle.TransitionRefused;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ybdesk}: the desk's command line. Every subcommand calls the same services the GUI uses. */
@Command(name = "ybdesk", mixinStandardHelpOptions = true, version = "YB Desk 0.1.0",
        resourceBundle = "org.ybdesk.launcher.cli",
        subcommands = {InitCommand.class, OrgCommand.class, CatalogCommand.class, CalendarCommand.class, ValidateCommand.class,
                UserCommand.class, PersonCommand.class, UnitCommand.class, CaseCommand.class, DueCommand.class,
                AuditCommand.class, PrintCommand.class, ReportCommand.class, SyncCommand.class,
                BackupCommand.class, KeyCommand.class, LookupCommand.class, VoucherCommand.class,
                OutageCommand.class, DiagnosticsCommand.class})
public final class YbdeskCommand implements java.util.concurrent.Callable<Integer> {
    /** Exit code when the desk refuses a request (validation, lifecycle, login): the reasons are on stderr. */
    public static final int REFUSED = 1;
    /** Exit code for a command line that cannot be understood. */
    public static final int USAGE = 2;
    /**
     * Exit code when the request is possible but has warnings the clerk must confirm (D97): they are on stderr with
     * how to confirm ({@code --confirm-warnings}); nothing was written.
     */
    public static final int NEEDS_CONFIRMATION = 4;
    /** Not an exit code: the window opened and the process lives on with it. */
    public static final int GUI_STARTED = -1;

    /**
     * The clock every command's desk runs on: the system's, in the desk's zone. Tests in this package fix it, so that
     * no test depends on today's date; nothing outside the process can change it.
     */
    static volatile java.time.Clock clock = java.time.Clock.system(org.ybdesk.service.Desk.ZONE);

    @Mixin
    Context context;

    PrintStream out;

    /** No subcommand: the workstation window when there is a display, else the help. */
    @Override
    public Integer call() {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            CommandLine cl = new CommandLine(this);
            cl.setResourceBundle(ResourceBundle.getBundle("org.ybdesk.launcher.cli", Messages.LOCALE));
            cl.usage(out);
            out.println(Out.t("gui.noDisplay"));
            return 0;
        }
        org.ybdesk.desk.DeskApp.launch(context.dataDir(), context.sandbox ? org.ybdesk.service.Mode.SANDBOX
                : org.ybdesk.service.Mode.PRODUCTION);
        return GUI_STARTED;
    }

    /** Runs the command line, printing to the given streams; returns the exit code. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            YbdeskCommand root = new YbdeskCommand();
            root.out = out;
            CommandLine cl = new CommandLine(root);
            CommandLine cases = cl.getSubcommands().get("case");
            CaseCommand.STEPS.forEach((name, action) -> cases.addSubcommand(name, new CaseCommand.Step(action)));
            cases.addSubcommand("claim", new CaseClaimCommand());
            cases.addSubcommand("holder", new CaseHolderCommand());
            cases.addSubcommand("reassign", new CaseReassignCommand());
            withHelp(cl);
            Converters.register(cl);
            cl.setResourceBundle(ResourceBundle.getBundle("org.ybdesk.launcher.cli", Messages.LOCALE));
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cl.setErr(errWriter);
            cl.setParameterExceptionHandler((ex, a) -> {
                PrintWriter w = ex.getCommandLine().getErr();
                w.println(ParameterTexts.explain(ex));
                w.println(Out.t("error.seeHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
                return USAGE;
            });
            cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, c.getErr()));
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            return failure(e, errWriter);
        }
    }

    /** Every command understands -h/--help (the error texts point there). */
    private static void withHelp(CommandLine cl) {
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(YbdeskCommand::withHelp);
    }

    /** Exit code when something failed that is not the user's doing: a short Chinese text, the details in the log. */
    public static final int FAILED = 3;

    /**
     * The one place where an exception becomes what the user reads: the reasons of a refusal, a picocli error in
     * Chinese, or — for anything unexpected — a short Chinese message with an incident mark whose stack trace goes
     * to the log file, never to the screen.
     */
    static int failure(Throwable ex, PrintWriter w) {
        if (ex instanceof org.ybdesk.service.WarningsToConfirm wc) {
            w.println(Out.t("warnings.head", String.valueOf(wc.warnings().size())));
            wc.warnings().forEach(p -> w.println(Out.t("warnings.line", p)));
            w.println(Out.t("warnings.howToConfirm"));
            return NEEDS_CONFIRMATION;
        }
        if (ex instanceof ServiceException se) {
            se.problems().forEach(p -> w.println(Out.t("error.line", p)));
            return REFUSED;
        }
        if (ex instanceof TransitionRefused tr) {
            tr.reasons().forEach(p -> w.println(Out.t("error.line", p)));
            return REFUSED;
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            w.println(ParameterTexts.explain(pe));
            w.println(Out.t("error.seeHelp", pe.getCommandLine().getCommandSpec().qualifiedName()));
            return USAGE;
        }
        if ((ex instanceof DateOutsideCalendarException || ex instanceof IllegalArgumentException)
                && ex.getMessage() != null && ParameterTexts.hasHan(ex.getMessage())) {
            w.println(Out.t("error.line", ex.getMessage()));
            return REFUSED;
        }
        String incident = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);
        try {
            org.slf4j.LoggerFactory.getLogger(YbdeskCommand.class).error("ybdesk command failed, incident {}",
                    incident, ex);
        } catch (RuntimeException | LinkageError logFailed) {
            // the message below is all the user gets; the log is a bonus
        }
        java.nio.file.FileSystemException fs = cause(ex, java.nio.file.FileSystemException.class);
        if (fs != null) {
            w.println(Out.t("error.line", Out.t("error.fileSystem",
                    org.ybdesk.core.validation.InputHygiene.visible(fs.getFile()), incident)));
        } else if (cause(ex, OutOfMemoryError.class) != null) {
            w.println(Out.t("error.line", Out.t("error.memory", incident)));
        } else {
            w.println(Out.t("error.line", Out.t("error.internal", incident)));
        }
        return FAILED;
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
