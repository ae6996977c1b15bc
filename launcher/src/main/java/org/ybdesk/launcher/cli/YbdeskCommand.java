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

    /**
     * The installers' check (packaging/test-deb.sh): opens the window, waits until the login window shows, prints its
     * title and exits 0 (exit 3 when no window shows within two minutes). Hidden: not for clerks.
     */
    @picocli.CommandLine.Option(names = "--smoke", hidden = true, descriptionKey = "opt.smoke")
    boolean smoke;

    PrintStream out;
    /** Progress and notes that are not the command's result (stderr). */
    PrintStream err;

    /** No subcommand: the workstation window when there is a display, else the help. */
    @Override
    public Integer call() {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            if (smoke) {
                err.println(Out.t("smoke.noDisplay"));
                return FAILED;
            }
            CommandLine cl = commandLine(this);
            cl.usage(out, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            out.println(Out.t("gui.noDisplay"));
            return 0;
        }
        org.ybdesk.desk.DeskApp.launch(context.dataDir(), context.sandbox ? org.ybdesk.service.Mode.SANDBOX
                : org.ybdesk.service.Mode.PRODUCTION);
        return smoke ? smokeCheck() : GUI_STARTED;
    }

    private int smokeCheck() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String[] title = new String[1];
            try {
                java.awt.EventQueue.invokeAndWait(() -> {
                    for (java.awt.Frame f : java.awt.Frame.getFrames()) {
                        if (f.isShowing()) {
                            title[0] = f.getTitle();
                        }
                    }
                });
                if (title[0] != null) {
                    out.println(Out.t("smoke.shown", title[0]));
                    return 0;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        out.println(Out.t("smoke.none"));
        return FAILED;
    }

    /** Runs the command line, printing to the given streams; returns the exit code. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        try {
            YbdeskCommand root = new YbdeskCommand();
            root.out = out;
            root.err = err;
            CommandLine cl = commandLine(root);
            // colours only for a person at a terminal: never escape codes in a file, a pipe or a CI log
            boolean terminal = out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
            colours(cl, CommandLine.Help.defaultColorScheme(terminal ? CommandLine.Help.Ansi.AUTO
                    : CommandLine.Help.Ansi.OFF));
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            cl.setErr(errWriter);
            cl.setParameterExceptionHandler((ex, a) -> {
                CommandLine where = ex.getCommandLine();
                if (asksForHelp(a)) {
                    // "--help" anywhere on the line (even where it was read as an option's value): the usage of the
                    // command reached, never an error that sends the user to --help
                    where.usage(where.getOut(), where.getColorScheme());
                    return 0;
                }
                PrintWriter w = where.getErr();
                java.util.List<String> unmatched = where.getUnmatchedArguments();
                if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()) {
                    // picocli reports a missing option before a mistyped one: the typo is the likelier cause
                    w.println(Out.t("error.unmatched", String.join(" ", unmatched.stream()
                            .map(org.ybdesk.core.validation.InputHygiene::visible).toList())));
                }
                w.println(ParameterTexts.explain(ex));
                if (ex instanceof CommandLine.ParameterException && ex.getMessage() != null
                        && ex.getMessage().startsWith("Missing required subcommand")) {
                    w.println();
                    where.usage(w, where.getColorScheme()); // which subcommands there are, right here
                } else {
                    w.println(Out.t("error.seeHelp", where.getCommandSpec().qualifiedName()));
                }
                return USAGE;
            });
            cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, c.getErr()));
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            return failure(e, errWriter);
        }
    }

    /**
     * The whole command tree with its Chinese texts: every command and subcommand, {@code help}, {@code -h/--help}
     * and {@code -V/--version} everywhere, the converters. The tests walk it.
     */
    static CommandLine commandLine(YbdeskCommand root) {
        CommandLine cl = new CommandLine(root);
        CommandLine cases = cl.getSubcommands().get("case");
        CaseCommand.STEPS.forEach((name, action) -> cases.addSubcommand(name, new CaseCommand.Step(action)));
        cases.addSubcommand("claim", new CaseClaimCommand());
        cases.addSubcommand("holder", new CaseHolderCommand());
        cases.addSubcommand("reassign", new CaseReassignCommand());
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        withHelp(cl);
        Converters.register(cl);
        cl.setResourceBundle(ResourceBundle.getBundle("org.ybdesk.launcher.cli", Messages.LOCALE));
        return cl;
    }

    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static void colours(CommandLine cl, CommandLine.Help.ColorScheme scheme) {
        cl.setColorScheme(scheme);
        cl.getSubcommands().values().forEach(sub -> colours(sub, scheme));
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
