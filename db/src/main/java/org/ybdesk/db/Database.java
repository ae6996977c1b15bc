package org.ybdesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one mode (production or sandbox) in its folder: encrypted at rest, migrated on a copy,
 * every commit durable on the device before the caller goes on. Writes are serialized in-process (one desk, one
 * writer) so the audit chain and outbox sequence stay gap-free; reads run concurrently.
 *
 * <p>Durability (D3, see docs/RELIABILITY.md): H2 2.4.240 (2.5.252 loses commits on aged files), {@code WRITE_DELAY=0}
 * so a commit writes its chunk before it returns, and {@code CHECKPOINT SYNC} after every write transaction so the
 * chunk is on the device (power loss) before {@link #write} returns.
 *
 * <p>Migrations (D71): when the schema is behind, the database file is copied, the copy migrated (and encrypted, for
 * a folder from a release without encryption), shut down, forced, and renamed over the original in one atomic
 * step. A kill at any moment leaves either the old file or the new one; the leftover copy is deleted at the next
 * open. Before a folder with data is migrated a verified copy is kept in {@code pre-migration/}.
 *
 * <p>Maintenance: with {@code WRITE_DELAY=0} H2 runs no background housekeeping, so the file would only grow. A
 * daemon thread rewrites sparse chunks in small steps between writes ({@link #maintain}).
 */
public final class Database implements AutoCloseable {
    public static final String NAME = "ybdesk";
    public static final String FILE = NAME + ".mv.db";
    static final String MIGRATING = "migrating";
    static final String PRE_MIGRATION = "pre-migration";
    private static final int PRE_MIGRATION_KEEP = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String ENCRYPTED_HEADER = "H2encrypt";
    /**
     * Options of every connection; the password carries the file key (CIPHER=AES). {@code MAX_COMPACT_TIME=0}: no
     * compaction when the file is shut — the maintenance thread keeps it compact between writes, and H2's close-time
     * compaction moved chunks of a 1.5 GB file for ~0.6 s at the end of every command (D192).
     */
    private static final String OPTIONS = ";CIPHER=AES;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
            + ";MAX_COMPACT_TIME=0";
    /**
     * Options of the live database's pool (issue 15, D179): H2's automatic mixed mode, so the window and a
     * {@code ybdesk} command open the same folder at once (the first opener serves the file to the others over
     * loopback; the others reconnect and take over when it exits); a writer of another process waits its turn.
     */
    private static final String SHARED = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;LOCK_TIMEOUT=30000";
    private static final int MAINTENANCE_SECONDS = 2;

    static {
        // jOOQ prints a banner and tips on first use; a desk's logs don't need them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path folder;
    private final DatabaseKeys.Key key;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final NumberLedger numbers;
    private final ReentrantLock writer = new ReentrantLock(true);
    private final AtomicLong writes = new AtomicLong();
    /** Told after each commit (issue 15, D186): the window's live counts. */
    private final java.util.List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService maintenance;
    private volatile long maintainedAtWrite;
    /** True when another process serves the file and this one reaches it through H2's mixed mode. */
    private final boolean remote;

    private Database(Path folder, DatabaseKeys.Key key, JdbcConnectionPool pool) {
        this.folder = folder;
        this.key = key;
        this.pool = pool;
        this.remote = isRemote(pool);
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(pool, SQLDialect.H2, settings);
        this.numbers = NumberLedger.open(folder);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ybdesk-db-maintenance");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::maintainQuietly, MAINTENANCE_SECONDS, MAINTENANCE_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Opens (creating if needed) the database in {@code folder}, migrating it to the current schema first. */
    public static Database open(Path folder) {
        OwnerOnly.folder(folder);
        deleteLeftovers(folder);
        Path live = folder.resolve(FILE);
        boolean exists = Files.exists(live);
        boolean legacyPlain = exists && !isEncrypted(live);
        DatabaseKeys.Key key = keyFor(folder, exists && !legacyPlain);
        // one opening in the usual case: the pool's first connection opens the file, Flyway looks at the schema
        // through it, and only a folder that is behind is shut and migrated on a copy
        JdbcConnectionPool pool = exists && !legacyPlain ? openPool(folder, key) : null;
        if (pool != null && behind(pool, live)) {
            if (isRemote(pool)) {
                // another program has the file open: migrating means replacing it, which only its owner may do
                pool.dispose();
                throw new StorageException(StorageException.Kind.IN_USE, live.toString(),
                        "schema behind while another process has the database open");
            }
            shutdown(pool);
            pool = null;
        }
        if (pool == null) {
            migrateOnCopy(folder, key, exists, legacyPlain);
            pool = openPool(folder, key);
        }
        OwnerOnly.folder(folder);
        return new Database(folder, key, pool);
    }

    /** A pool on the live file whose first connection is open-checked, so a problem has a clear kind here. */
    private static JdbcConnectionPool openPool(Path folder, DatabaseKeys.Key key) {
        try {
            return openPool(folder, key, SHARED);
        } catch (SQLException e) {
            if (!networkUnavailable(e)) {
                throw classify(e, folder.resolve(FILE));
            }
            // mixed mode needs this machine's own address (H2 writes it into the lock file); a counter PC whose
            // host name does not resolve (seen in a minimal Debian install) still opens its data, for one program
            LOG.warn("mixed mode unavailable ({}); the data folder opens for this program only", e.toString());
            try {
                return openPool(folder, key, "");
            } catch (SQLException again) {
                throw classify(again, folder.resolve(FILE));
            }
        }
    }

    private static JdbcConnectionPool openPool(Path folder, DatabaseKeys.Key key, String extra) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource(folder, NAME, key, extra));
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw e;
        }
    }

    /** Whether opening failed for want of this machine's network identity (no resolvable host name). */
    private static boolean networkUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException
                    || String.valueOf(t.getMessage()).contains("UnknownHostException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The newest migration of this release ({@code db/migration/V<n>__…}); {@code DatabaseSchemaTest} holds it to the
     * folder. A database whose history ends there, successfully, is current without asking Flyway, which would scan
     * the application's jar and checksum every migration on each opening (about a third of a second per command).
     */
    static final int SCHEMA_VERSION = 23;

    /** True when the schema is older than this release's migrations. */
    private static boolean behind(JdbcConnectionPool pool, Path live) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            if (rs.next() && rs.getBoolean(2) && Integer.toString(SCHEMA_VERSION).equals(rs.getString(1))) {
                return false;
            }
        } catch (SQLException e) {
            // no history table (or not readable): Flyway decides below
        }
        try {
            return flyway(pool).info().pending().length > 0;
        } catch (org.flywaydb.core.api.FlywayException e) {
            shutdown(pool);
            throw new StorageException(StorageException.Kind.UNREADABLE, live.toString(), e.getMessage(), e);
        }
    }

    /** Whether the pool's connections reach a database another process serves (mixed mode). */
    private static boolean isRemote(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection()) {
            return !(c.unwrap(JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal);
        } catch (SQLException e) {
            throw new StorageException(StorageException.Kind.IO, "pool", e.getMessage(), e);
        }
    }

    /**
     * Closes the database when no other program uses it; when one does (mixed mode: a command beside the window, or
     * this is the command) only this process's connections go, and the file stays open for the other.
     */
    private static void shutdown(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (!(c.unwrap(JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal)) {
                pool.dispose();
                return;
            }
            try (var rs = s.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CLIENT_ADDR IS NOT NULL")) {
                // this pool's sessions are embedded; a session of another process arrived over the TCP server
                rs.next();
                if (rs.getInt(1) > 0) {
                    LOG.info("database still used by another program; leaving it open for it");
                    s.execute("CHECKPOINT SYNC");
                    pool.dispose();
                    return;
                }
            }
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
        pool.dispose();
    }

    /** The database id and this machine's key for it (created for a new or unencrypted folder). */
    private static DatabaseKeys.Key keyFor(Path folder, boolean encryptedExists) {
        var id = DatabaseKeys.databaseId(folder);
        if (encryptedExists) {
            String dbId = id.orElseThrow(() -> new StorageException(StorageException.Kind.KEY_MISSING,
                    folder.toString(), "encrypted database without " + DatabaseKeys.ID_FILE));
            return DatabaseKeys.find(dbId).orElseThrow(() -> new StorageException(StorageException.Kind.KEY_MISSING,
                    folder.toString(), "no key for database " + dbId + " in " + DatabaseKeys.keyDir()));
        }
        String dbId = id.orElseGet(() -> DatabaseKeys.newDatabaseId(folder));
        return DatabaseKeys.find(dbId).orElseGet(() -> DatabaseKeys.create(dbId));
    }

    static boolean isEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ENCRYPTED_HEADER.length());
            return new String(head, StandardCharsets.ISO_8859_1).equals(ENCRYPTED_HEADER);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, file.toString(), e.getMessage(), e);
        }
    }

    private static String url(Path folder, String name, String extra) {
        // H2 refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE: the live pool lets H2's exit hook close the file (every
        // commit is already on the device, D3) and Desks' own hook closes it first in the usual case
        String options = extra.contains("AUTO_SERVER") ? OPTIONS.replace(";DB_CLOSE_ON_EXIT=FALSE", "") : OPTIONS;
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(name) + options + extra;
    }

    private static Connection connect(Path folder, String name, DatabaseKeys.Key key, String extra)
            throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "SA");
        p.setProperty("password", new String(key.h2Password()));
        return DriverManager.getConnection(url(folder, name, extra), p);
    }

    /** A data source opening connections with the key (never a password in a URL or a log). */
    private static org.h2.jdbcx.JdbcDataSource dataSource(Path folder, String name, DatabaseKeys.Key key,
                                                          String extra) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url(folder, name, extra));
        ds.setUser("SA");
        ds.setPassword(new String(key.h2Password()));
        return ds;
    }

    private static StorageException classify(SQLException e, Path file) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        if (code == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 || "90020".equals(state)) {
            return new StorageException(StorageException.Kind.IN_USE, file.toString(), e.getMessage(), e);
        }
        if (code == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new StorageException(StorageException.Kind.KEY_INVALID, file.toString(), e.getMessage(), e);
        }
        return new StorageException(StorageException.Kind.UNREADABLE, file.toString(), e.getMessage(), e);
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
    }

    /**
     * Brings the folder's database to the current schema on a copy: copy (or create), encrypt a legacy plain file,
     * keep a verified pre-migration copy of a folder with data, migrate, shut down, force, rename over the live file.
     */
    private static void migrateOnCopy(Path folder, DatabaseKeys.Key key, boolean exists, boolean legacyPlain) {
        Path live = folder.resolve(FILE);
        Path copy = folder.resolve(MIGRATING + ".mv.db");
        try {
            if (exists) {
                Files.copy(live, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                OwnerOnly.restrict(copy);
                if (legacyPlain) {
                    encryptCopy(folder, key);
                }
                OwnerOnly.force(copy);
                keepPreMigrationCopy(folder, key, copy);
            }
            var ds = dataSource(folder, MIGRATING, key, "");
            try (Connection keepOpen = ds.getConnection()) {
                flyway(ds).migrate();
                try (Statement s = keepOpen.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            OwnerOnly.force(copy);
            OwnerOnly.moveDurably(copy, live);
            deleteLeftovers(folder);
        } catch (SQLException | IOException | org.flywaydb.core.api.FlywayException e) {
            deleteLeftovers(folder);
            if (e instanceof SQLException se) {
                StorageException classified = classify(se, live);
                if (classified.kind() != StorageException.Kind.UNREADABLE) {
                    throw classified;
                }
            }
            throw new StorageException(StorageException.Kind.MIGRATION_FAILED, live.toString(), e.getMessage(), e);
        }
    }

    /** Encrypts the copy of a plain (pre-encryption) database and gives its user a password. */
    private static void encryptCopy(Path folder, DatabaseKeys.Key key) throws SQLException {
        org.h2.tools.ChangeFileEncryption.execute(folder.toAbsolutePath().toString(), MIGRATING, "AES", null,
                key.filePassword().toCharArray(), true);
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "SA");
        p.setProperty("password", key.filePassword() + " ");
        try (Connection c = DriverManager.getConnection(url(folder, MIGRATING, ""), p);
             Statement s = c.createStatement()) {
            s.execute("ALTER USER SA SET PASSWORD '" + key.userPassword() + "'");
            s.execute("SHUTDOWN");
        }
    }

    /** Keeps a copy of the (encrypted) database as it was before migrating, checked to open; the last few only. */
    private static void keepPreMigrationCopy(Path folder, DatabaseKeys.Key key, Path copy) throws IOException,
            SQLException {
        Path dir = OwnerOnly.folder(folder.resolve(PRE_MIGRATION));
        String stamp = LocalDateTime.now(Clock.systemDefaultZone()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = NAME + "-" + stamp;
        Path target = dir.resolve(name + ".mv.db");
        Files.copy(copy, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        OwnerOnly.restrict(target);
        OwnerOnly.force(target);
        try (Connection c = connect(dir, name, key, ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES").close();
        }
        try (Stream<Path> old = Files.list(dir)) {
            List<Path> copies = old.filter(p -> p.getFileName().toString().endsWith(".mv.db"))
                    .sorted(Comparator.reverseOrder()).toList();
            for (Path p : copies.subList(Math.min(PRE_MIGRATION_KEEP, copies.size()), copies.size())) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteLeftovers(Path folder) {
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db", ".mv.db.tmp")) {
            try {
                Files.deleteIfExists(folder.resolve(MIGRATING + suffix));
            } catch (IOException e) {
                throw new StorageException(StorageException.Kind.IO, folder.toString(), e.getMessage(), e);
            }
        }
    }

    /**
     * Opens the database in {@code folder} read-only for a look (e.g. which mode it belongs to) without migrating or
     * writing anything; null when there is no database there. A database from a release without encryption is read
     * as it is.
     */
    public static <T> T peek(Path folder, Function<DSLContext, T> look) {
        Path live = folder.resolve(FILE);
        if (!Files.exists(live)) {
            return null;
        }
        String extra = ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try (Connection c = isEncrypted(live)
                ? connect(folder, NAME, keyFor(folder, true), extra)
                : DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath().resolve(NAME) + extra, "sa", "")) {
            return look.apply(DSL.using(c, SQLDialect.H2,
                    new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)));
        } catch (SQLException e) {
            throw classify(e, live);
        }
    }

    /**
     * Compacts the closed database in {@code folder} completely ({@code SHUTDOWN COMPACT}): for maintenance windows,
     * benchmarks and the crash campaign's aging step. The database must not be open elsewhere.
     */
    public static void compactClosed(Path folder) {
        Path live = folder.resolve(FILE);
        try (Connection c = connect(folder, NAME, keyFor(folder, true), ";IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw classify(e, live);
        }
    }

    public Path folder() {
        return folder;
    }

    /** This database's id (its key on this machine and in escrow files is filed under it). */
    public String id() {
        return key.databaseId();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** For reads. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The ledger of printed numbers (see {@link NumberLedger}); use it inside {@link #write} only. */
    public NumberLedger numbers() {
        return numbers;
    }

    /**
     * Runs {@code work} as one transaction holding the single writer lock: everything it writes (state, audit record,
     * outbox message) commits together or not at all, and is on the device when this returns.
     */
    public <T> T write(Function<DSLContext, T> work) {
        T result;
        writer.lock();
        try {
            result = dsl.transactionResult(cfg -> {
                // the writers' turn across processes (mixed mode): the first statement locks the one row
                cfg.dsl().execute("SELECT id FROM desk_writer WHERE id = 1 FOR UPDATE");
                return work.apply(cfg.dsl());
            });
            sync();
            writes.incrementAndGet();
        } finally {
            writer.unlock();
        }
        committed();
        return result;
    }

    /**
     * Runs {@code listener} after every commit of {@link #write}, on the writing thread and after the writer lock is
     * released (issue 15, D186: the window's counts follow each change). A listener must be quick and not throw; one
     * that throws is logged and the others still run. Returns what removes it.
     */
    public Runnable onCommit(Runnable listener) {
        commitListeners.add(listener);
        return () -> commitListeners.remove(listener);
    }

    private void committed() {
        for (Runnable l : commitListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("commit listener failed", e);
            }
        }
    }

    /** Forces everything committed to the device. */
    private void sync() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StorageException(StorageException.Kind.IO, folder.resolve(FILE).toString(), e.getMessage(), e);
        }
    }

    /** File size and fill rate, for the maintenance figures and the benchmark. */
    public record StoreFigures(long fileBytes, int fillRate, int chunksFillRate) {
    }

    public StoreFigures figures() {
        return withStore(s -> new StoreFigures(s.getFileStore().size(), s.getFillRate(),
                s.getFileStore().getChunksFillRate()));
    }

    private <T> T withStore(Function<MVStore, T> f) {
        try (Connection c = pool.getConnection()) {
            JdbcConnection jc = c.unwrap(JdbcConnection.class);
            MVStore store = ((org.h2.engine.SessionLocal) jc.getSession()).getDatabase().getStore().getMvStore();
            return f.apply(store);
        } catch (SQLException e) {
            throw new StorageException(StorageException.Kind.IO, folder.resolve(FILE).toString(), e.getMessage(), e);
        }
    }

    /**
     * One step of H2's own housekeeping between writes (with {@code WRITE_DELAY=0} its background writer never runs
     * it): rewrite the live pages of sparse chunks, drop dead chunks once H2's retention time has passed, move chunks
     * towards the start of the file. Runs by itself every {@value #MAINTENANCE_SECONDS} s after writes, holding the
     * writer lock for the step (a few milliseconds) and skipping a turn while a write runs. Returns whether the file
     * size changed.
     */
    public boolean maintain() {
        if (!writer.tryLock()) {
            return false;
        }
        try {
            long before = figures().fileBytes();
            withStore(s -> {
                try {
                    HOUSEKEEPING.invoke(s.getFileStore(), s);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("H2 housekeeping unavailable", e);
                }
                return null;
            });
            sync();
            return figures().fileBytes() != before;
        } finally {
            writer.unlock();
        }
    }

    /**
     * H2's own housekeeping step (what its background writer runs every few hundred milliseconds when WRITE_DELAY is
     * above 0: rewrite sparse chunks, drop dead ones, move chunks towards the start). Pinned H2 version (D3): the
     * test suite fails if the method is gone.
     */
    private static final java.lang.reflect.Method HOUSEKEEPING;

    static {
        try {
            HOUSEKEEPING = org.h2.mvstore.FileStore.class.getDeclaredMethod("doHousekeeping", MVStore.class);
            HOUSEKEEPING.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** True when another program serves this folder's database and this one works through it (mixed mode). */
    public boolean remote() {
        return remote;
    }

    private void maintainQuietly() {
        if (remote) {
            return; // the serving process keeps the file tidy
        }
        long w = writes.get();
        if (w == maintainedAtWrite) {
            return;
        }
        try {
            maintain();
            maintainedAtWrite = w;
        } catch (RuntimeException e) {
            LOG.warn("database maintenance step failed; retried next time", e);
        }
    }

    @Override
    public void close() {
        // let a running maintenance step finish: interrupting it inside H2's file I/O closes the channel under the
        // store, which then shuts down abnormally and leaves its lock file (in mixed mode naming a server that is
        // gone, so the next open of the folder was refused — seen once in CaseNumberingTest under load)
        maintenance.shutdown();
        try {
            if (!maintenance.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("database maintenance step still running after 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.lock();
        try {
            shutdown(pool);
            numbers.close();
        } finally {
            writer.unlock();
        }
    }
}
