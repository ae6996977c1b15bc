package org.ybdesk.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;

/**
 * The real provincial server for the desk's fault tests: a PostgreSQL of its own on loopback ({@link LocalPostgres},
 * one per JVM, a fresh database per test) and the server's {@code main} as a separate {@code java} process on the
 * test's class path, which a test may kill with {@code destroyForcibly} (SIGKILL) and start again on the same port.
 * Desks are registered through the server's own {@link Desks}; the server's tables are read with plain JDBC.
 */
final class Province implements AutoCloseable {
    private static final AtomicInteger DBS = new AtomicInteger();
    private static LocalPostgres pg;

    final String jdbcUrl;
    final int port;
    private final Path log;
    private Process process;

    private Province(String jdbcUrl, int port, Path log) {
        this.jdbcUrl = jdbcUrl;
        this.port = port;
        this.log = log;
    }

    static synchronized LocalPostgres postgres() {
        if (pg == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of("/tmp"), "ybdesk-sync-pg-");
                pg = LocalPostgres.start(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return pg;
    }

    /** A fresh database and a running server on a free port. */
    static Province start(Path workDir) {
        LocalPostgres p = postgres();
        String name = "sync_" + ProcessHandle.current().pid() + "_" + DBS.incrementAndGet();
        p.createDatabase(name);
        Province pr = new Province(p.jdbcUrl(name), freePort(), workDir.resolve("province-" + name + ".log"));
        // migrate once in-process so registration works before the first start
        new ProvinceDb(pr.jdbcUrl, p.user(), p.password()).close();
        pr.startProcess();
        return pr;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Registers a desk of the test agency; returns the desk's configuration. */
    SyncConfig registerDesk(String name) {
        try (ProvinceDb db = new ProvinceDb(jdbcUrl, pg.user(), pg.password())) {
            Desks.Registration r = new Desks(db).add("230102001", "230102", name);
            return new SyncConfig(url(), r.desk().windowNo(), r.token()).withTimeoutSeconds(60);
        }
    }

    /** Starts the server process and waits for its "ready" line. */
    synchronized void startProcess() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.ybdesk.province.ProvinceServerMain",
                "start", "--jdbc-url", jdbcUrl, "--db-user", pg.user(), "--db-password", pg.password(),
                "--port", String.valueOf(port)));
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Process proc = process;
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains("province server ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
            ready.complete(false);
        }, "province-log");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!ready.get(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("province server did not start: " + Files.readString(log));
            }
        } catch (Exception e) {
            throw new IllegalStateException("province server did not start (log " + log + ")", e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close — a crash. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, pg.user(), pg.password());
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = jdbc(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<String> strings(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
