package org.ybdesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The embedded H2 database of one mode (production or sandbox): opened from a folder, migrated by Flyway, used
 * through jOOQ. Writes are serialized in-process (one desk, one writer) so the audit chain and outbox sequence stay
 * gap-free; reads run concurrently.
 */
public final class Database implements AutoCloseable {
    /**
     * WRITE_DELAY=0: a commit that returned is in the file when the process dies (the default delay lost commits in
     * kill -9 tests, see shared/STACK.md).
     */
    private static final String URL_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    static {
        // jOOQ prints a banner and tips on first use; a desk's logs don't need them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path folder;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final ReentrantLock writer = new ReentrantLock(true);

    private Database(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(pool, SQLDialect.H2, settings);
    }

    /** Opens (creating if needed) the database in {@code folder} and migrates it to the current schema. */
    public static Database open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(folder), "sa", "");
        pool.setMaxConnections(8);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(folder, pool);
    }

    /**
     * The JDBC URL (with the desk's options) of the database in {@code folder}: for tools that must open the same file
     * the same way, such as the crash campaign's compacting close.
     */
    public static String url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("ybdesk") + URL_OPTIONS;
    }

    public Path folder() {
        return folder;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** For reads. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Runs {@code work} as one transaction holding the single writer lock: everything it writes (state, audit record,
     * outbox message) commits together or not at all.
     */
    public <T> T write(Function<DSLContext, T> work) {
        writer.lock();
        try {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } finally {
            writer.unlock();
        }
    }

    @Override
    public void close() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException ignored) {
            // already closed
        }
        pool.dispose();
    }
}
