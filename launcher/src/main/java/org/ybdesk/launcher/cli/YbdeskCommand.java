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
        subcommands = {InitCommand.class, CatalogCommand.class, CalendarCommand.class, ValidateCommand.class,
                UserCommand.class, PersonCommand.class, UnitCommand.class, CaseCommand.class, DueCommand.class,
                AuditCommand.class, PrintCommand.class, ReportCommand.class, SyncCommand.class,
                BackupCommand.class, KeyCommand.class})
public final class YbdeskCommand implements java.util.concurrent.Callable<Integer> {
    /** Exit code when the desk refuses a request (validation, lifecycle, login): the reasons are on stderr. */
    public static final int REFUSED = 1;
    /** Exit code for a command line that cannot be understood. */
    public static final int USAGE = 2;
    /** Not an exit code: the window opened and the process lives on with it. */
    public static final int GUI_STARTED = -1;

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

    /** Runs the command line, printing to the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        YbdeskCommand root = new YbdeskCommand();
        root.out = out;
        CommandLine cl = new CommandLine(root);
        CommandLine cases = cl.getSubcommands().get("case");
        CaseCommand.STEPS.forEach((name, action) -> cases.addSubcommand(name, new CaseCommand.Step(action)));
        cl.setResourceBundle(ResourceBundle.getBundle("org.ybdesk.launcher.cli", Messages.LOCALE));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println(ParameterTexts.explain(ex));
            w.println(Out.t("error.seeHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter w = c.getErr();
            if (ex instanceof ServiceException se) {
                se.problems().forEach(p -> w.println(Out.t("error.line", p)));
                return REFUSED;
            }
            if (ex instanceof TransitionRefused tr) {
                tr.reasons().forEach(p -> w.println(Out.t("error.line", p)));
                return REFUSED;
            }
            if (ex instanceof DateOutsideCalendarException || ex instanceof IllegalArgumentException) {
                w.println(Out.t("error.line", ex.getMessage()));
                return REFUSED;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
