package org.ybdesk.province.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of its own on loopback, for the provincial server when no database is configured, for its
 * tests and for the desk side's fault tests.
 *
 * <p>{@link #start(Path)} creates a cluster in {@code dir/data} on first use ({@code initdb}, a superuser
 * {@value #USER} with a random password kept in {@code dir/password}, SCRAM authentication, UTF-8),
 * then starts it with {@code pg_ctl} on 127.0.0.1 at a free port (its Unix socket in {@code dir}) and
 * waits until it accepts connections. {@link #close()} stops it ({@code pg_ctl stop -m fast}); a JVM shutdown hook
 * does the same if the owner forgets. The data folder is kept: a second start reuses the cluster and its data.
 *
 * <p>Binaries come from {@code $YBDESK_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}, else the
 * {@code PATH}. PostgreSQL refuses to run as root: as root every command runs through
 * {@code runuser -u postgres --} and the folder is handed to that user, so it must lie where {@code postgres} can
 * reach it (a temp folder or {@code /var/lib/...}, not under {@code /root}).
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "ybdesk";
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final String password;
    private final Thread hook;
    private volatile boolean running;

    private LocalPostgres(Path dataDir, Path binDir, int port, String password) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.port = port;
        this.password = password;
        this.hook = new Thread(this::stopQuietly, "local-postgres-stop");
    }

    /**
     * Creates (when new) and starts a cluster in folder {@code dir} (layout: {@code data/} the cluster,
     * {@code password} the superuser's password, {@code server.log}, the Unix socket); fails with a clear message if
     * PostgreSQL is missing.
     */
    public static LocalPostgres start(Path dir) {
        Path bin = findBinaries();
        try {
            Path home = dir.toAbsolutePath().normalize();
            Files.createDirectories(home);
            Path data = home.resolve("data");
            Path pwFile = home.resolve("password");
            Path log = home.resolve("server.log");
            boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
            handToPostgres(home);
            String password;
            if (fresh) {
                password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
                restrict(pwFile);
                handToPostgres(pwFile);
                run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                        "--pwfile=" + pwFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
                        "--no-sync"), 120);
            } else {
                if (!Files.exists(pwFile)) {
                    throw new IllegalStateException("PostgreSQL cluster " + data + " exists but its password file "
                            + pwFile + " is missing");
                }
                password = Files.readString(pwFile, StandardCharsets.UTF_8).trim();
            }
            Integer running = runningPort(bin, data);
            if (running != null) {
                // another process (a running province server) owns this cluster: use it, never stop it
                LocalPostgres pg = new LocalPostgres(data, bin, running, password);
                pg.waitUntilReady();
                LOG.info("PostgreSQL already running on 127.0.0.1:{} (cluster {}): attached", running, data);
                return pg;
            }
            int port = freePort();
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                    "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + home
                            + " -c max_connections=100", "start"), 90);
            LocalPostgres pg = new LocalPostgres(data, bin, port, password);
            pg.running = true;
            Runtime.getRuntime().addShutdownHook(pg.hook);
            pg.waitUntilReady();
            LOG.info("PostgreSQL started on 127.0.0.1:{} (cluster {})", port, data);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port of a server already running on {@code data} ({@code pg_ctl status} and postmaster.pid), or null. */
    private static Integer runningPort(Path bin, Path data) throws IOException {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "status"), 30);
        } catch (IllegalStateException notRunning) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        return lines.size() > 3 ? Integer.valueOf(lines.get(3).trim()) : null;
    }

    /** JDBC URL of database {@code db} on this server. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates database {@code name} unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits, _: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
            LOG.info("PostgreSQL on port {} stopped", port);
        } catch (RuntimeException e) {
            LOG.warn("stopping PostgreSQL failed: {}", e.getMessage());
        }
    }

    private void waitUntilReady() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SQLException last = null;
        while (System.nanoTime() < until) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections on port " + port, last);
    }

    /** The folder holding initdb and pg_ctl; a clear error when PostgreSQL is not installed. */
    public static Path findBinaries() {
        return findBinaries(System.getenv("YBDESK_PG_BIN"), Path.of("/usr/lib/postgresql"),
                System.getenv().getOrDefault("PATH", ""));
    }

    static Path findBinaries(String env, Path lib, String pathVariable) {
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
                        .forEach(p -> candidates.add(p.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : pathVariable.split(":")) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir));
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found in $YBDESK_PG_BIN, "
                + "/usr/lib/postgresql/*/bin or PATH. Install them: run scripts/install-deps.sh as root "
                + "(or apt-get install postgresql), or pass --jdbc-url of an existing server.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
    }

    private static void handToPostgres(Path p) {
        if (ROOT) {
            run(List.of("chown", "postgres:postgres", p.toString()), 30);
        }
    }

    private static void run(List<String> command, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        if (ROOT && !command.get(0).equals("chown")) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Path out = Files.createTempFile("ybdesk-pg", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", cmd));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", cmd)
                            + "\n" + Files.readString(out, StandardCharsets.UTF_8)
                            + (ROOT ? "\n(as root the folder must be reachable by the postgres user)" : ""));
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }
}
