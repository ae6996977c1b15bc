package org.ybdesk.launcher;

import java.nio.file.Path;
import org.ybdesk.launcher.cli.YbdeskCommand;

/** Entry point of {@code ybdesk}: the command line (the GUI starts from here once a display is available). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Logs go to the data folder's logs/ (set before the first logger is created).
        if (System.getProperty("ybdesk.logDir") == null) {
            Path logs;
            try {
                logs = dataDir(args).resolve("logs");
            } catch (RuntimeException badPath) { // the command line reports the bad --data-dir in Chinese
                logs = Path.of(System.getProperty("user.home"), ".ybdesk", "logs");
            }
            System.setProperty("ybdesk.logDir", logs.toString());
        }
        int code = YbdeskCommand.run(args, System.out, System.err);
        if (code != YbdeskCommand.GUI_STARTED) {
            System.exit(code);
        }
    }

    /** The data folder named by --data-dir (either form), YBDESK_DATA_DIR, or ~/.ybdesk. */
    static Path dataDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        String env = System.getenv("YBDESK_DATA_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".ybdesk");
    }
}
