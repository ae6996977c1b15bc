package org.ybdesk.province;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;

/**
 * One real PostgreSQL per test JVM ({@link LocalPostgres} in a temp folder, stopped at JVM exit); every test class
 * gets a database of its own. No PostgreSQL installed → {@link LocalPostgres#findBinaries()} fails the tests with
 * the message how to install it ({@code ./run-tests} does).
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres server;

    private TestPostgres() {
    }

    static synchronized LocalPostgres server() {
        if (server == null) {
            try {
                Path root = Files.createTempDirectory("ybdesk-province-test");
                // as root the cluster runs as the postgres user, which must reach the folder
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
                server = LocalPostgres.start(root.resolve("pg"));
                LocalPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(root);
                }, "test-postgres-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Deletes a folder and everything in it (a stopped cluster's folder). */
    public static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }

    /** A new, migrated database. */
    static ProvinceDb newDatabase() {
        return newDatabase(null);
    }

    /** A new, migrated database on {@code clock} (null: the system clock). */
    static ProvinceDb newDatabase(java.time.Clock clock) {
        LocalPostgres pg = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        pg.createDatabase(name);
        return clock == null ? new ProvinceDb(pg.jdbcUrl(name), pg.user(), pg.password())
                : new ProvinceDb(pg.jdbcUrl(name), pg.user(), pg.password(), clock);
    }

    /** JDBC URL of the database {@code db} opened (for CLI tests). */
    static String url(String name) {
        return server().jdbcUrl(name);
    }
}
