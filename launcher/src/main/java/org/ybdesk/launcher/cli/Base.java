package org.ybdesk.launcher.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Common ground of the commands: the open desk, the acting user, output streams. */
abstract class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Desk desk;

    Context ctx() {
        return ((YbdeskCommand) spec.root().userObject()).context;
    }

    PrintStream out() {
        return ((YbdeskCommand) spec.root().userObject()).out;
    }

    /** The desk of the chosen mode, opened once per command. */
    Desk desk() {
        if (desk == null) {
            Mode mode = ctx().sandbox ? Mode.SANDBOX : Mode.PRODUCTION;
            java.nio.file.Path dir = ctx().dataDir();
            // the sandbox seeds itself in an existing data folder; production needs `ybdesk init` first
            boolean present = mode == Mode.SANDBOX ? java.nio.file.Files.isDirectory(dir)
                    : hasDatabase(dir.resolve(mode.folder()));
            if (!createsDatabase() && !present) {
                // a mistyped --data-dir must not leave an empty database behind
                throw new ServiceException(Out.t("error.noDatabase", mode.label(),
                        org.ybdesk.core.validation.InputHygiene.visible(dir.toString())));
            }
            if (mode == Mode.SANDBOX) {
                seedSandbox(dir);
            }
            desk = Desk.open(dir, mode, YbdeskCommand.clock);
        }
        return desk;
    }

    /**
     * The sandbox of the command line is the window's sandbox (D172): on its first use it is seeded by the same
     * {@link org.ybdesk.service.SandboxSeeder} calls the login window makes, as of the desk's today, with progress
     * on stderr; a seeded sandbox is used as it is.
     */
    private void seedSandbox(java.nio.file.Path dir) {
        if (hasDatabase(dir.resolve(Mode.SANDBOX.folder()))) {
            try (Desk existing = Desk.open(dir, Mode.SANDBOX, YbdeskCommand.clock)) {
                if (org.ybdesk.service.SandboxSeeder.isSeeded(existing)) {
                    return;
                }
            }
        }
        PrintStream err = progress();
        err.println(Out.t("sandbox.preparing"));
        long t0 = System.nanoTime();
        org.ybdesk.service.SandboxSeeder.seed(dir, YbdeskCommand.clock);
        err.println(Out.t("sandbox.ready", String.valueOf((System.nanoTime() - t0) / 1_000_000_000L)));
        seededNow = true;
    }

    /** Whether this command seeded the sandbox (its first use). */
    boolean seededNow;

    /** Where progress goes: stderr, so that --json output stays clean. */
    private PrintStream progress() {
        return ((YbdeskCommand) spec.root().userObject()).err;
    }

    /** Whether this command may create the database of a new data folder (only {@code init}). */
    boolean createsDatabase() {
        return false;
    }

    private static boolean hasDatabase(java.nio.file.Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("ybdesk"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The logged-in user (from --user/--password or YBDESK_USER/YBDESK_PASSWORD). */
    Actor actor() {
        String u = ctx().user();
        String p = ctx().password();
        if (u == null || u.isBlank() || p == null) {
            throw new ServiceException(org.ybdesk.service.Texts.get("login.required"));
        }
        return desk().users().login(u, p);
    }

    /**
     * The logged-in administrator. Without a login, or for a user who is not an administrator, refused with the
     * message of {@code refusalKey} (Chinese, exit 1) before anything is changed.
     */
    Actor admin(String refusalKey) {
        String u = ctx().user();
        String p = ctx().password();
        if (u == null || u.isBlank() || p == null) {
            throw new ServiceException(Out.t(refusalKey));
        }
        Actor a = desk().users().login(u, p);
        if (!a.has(org.ybdesk.core.lifecycle.Role.ADMIN)) {
            throw new ServiceException(Out.t(refusalKey));
        }
        return a;
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } finally {
            if (desk != null) {
                desk.close();
            }
        }
    }

    abstract Integer execute() throws Exception;
}
