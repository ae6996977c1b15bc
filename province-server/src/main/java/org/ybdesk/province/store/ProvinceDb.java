package org.ybdesk.province.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provincial server's PostgreSQL database: a small connection pool, the Flyway migrations
 * ({@code db/province}), and jOOQ over them. {@link #write} runs one transaction and retries it when PostgreSQL
 * reports a unique-key race, a serialization failure or a deadlock (another desk got there first: the retry sees
 * its committed row and decides again).
 */
public final class ProvinceDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceDb.class);
    private static final int ATTEMPTS = 5;

    /** The agencies' time zone: receipt times are recorded in it. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final java.time.Clock clock;

    /** On the server process's real clock. */
    public ProvinceDb(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, java.time.Clock.system(ZONE));
    }

    /** On the given clock (tests fix it). */
    public ProvinceDb(String jdbcUrl, String user, String password, java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(16);
        cfg.setPoolName("province");
        cfg.setAutoCommit(true);
        // a database that is gone must not hang requests: fail fast, the desk retries (health says DOWN)
        cfg.setConnectionTimeout(5_000);
        cfg.setValidationTimeout(2_000);
        cfg.setInitializationFailTimeout(30_000);
        this.dataSource = new HikariDataSource(cfg);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/province").load().migrate();
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false).withRenderSchema(false);
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, settings);
    }

    /** Now on this server's clock, in {@link #ZONE}, to the second. */
    public java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.now(clock).withNano(0);
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one transaction, retried on unique-key races, serialization failures and deadlocks. */
    public <T> T write(Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult((Configuration c) -> work.apply(c.dsl()));
            } catch (DataAccessException e) {
                String state = sqlState(e);
                boolean retry = "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
                if (!retry || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.info("transaction retried after SQLSTATE {} (attempt {})", state, attempt);
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** True when the database answers. */
    public boolean healthy() {
        try {
            return dsl.selectOne().fetchOne(0, Integer.class) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
