package org.ybdesk.launcher.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command understands, anywhere on the line: data folder, mode and who is acting. */
public final class Context {
    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", descriptionKey = "opt.data-dir")
    Path dataDir;

    @Option(names = "--sandbox", scope = ScopeType.INHERIT, descriptionKey = "opt.sandbox")
    boolean sandbox;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", descriptionKey = "opt.user")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD", descriptionKey = "opt.password")
    String password;

    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("YBDESK_DATA_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".ybdesk");
    }

    String user() {
        return user != null ? user : System.getenv("YBDESK_USER");
    }

    String password() {
        return password != null ? password : System.getenv("YBDESK_PASSWORD");
    }
}
