package org.ybdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.AGENCY;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file on disk: encryption, migration on a copy, the number ledger, backups, housekeeping. */
class DatabaseStorageTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private static void agency(Database db, String name) {
        db.write(tx -> tx.insertInto(AGENCY).set(AGENCY.CODE, "230102001").set(AGENCY.ADMIN_DIVISION_CODE, "230102")
                .set(AGENCY.NAME, name).set(AGENCY.SIGNATURE, name).set(AGENCY.CREATED_AT, T0).execute());
    }

    @Test
    void aNewDatabaseIsEncryptedOwnerOnlyAndNeedsItsKey() throws Exception {
        Path folder = dir.resolve("prod");
        try (Database db = Database.open(folder)) {
            agency(db, "道里区医保中心");
            assertThat(db.id()).isEqualTo(DatabaseKeys.databaseId(folder).orElseThrow());
        }
        Path file = folder.resolve(Database.FILE);
        assertThat(Database.isEncrypted(file)).isTrue();
        byte[] raw = Files.readAllBytes(file);
        assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("230102001");
        assertThat(OwnerOnly.isRestricted(folder)).isTrue();
        assertThat(OwnerOnly.isRestricted(file)).isTrue();
        // the plain H2 way in (sa, empty password) is closed
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("ybdesk")
                + ";IFEXISTS=TRUE", "sa", "").close()).isInstanceOf(java.sql.SQLException.class);
        // without this machine's key the folder does not open
        Path key = DatabaseKeys.keyFile(DatabaseKeys.databaseId(folder).orElseThrow());
        byte[] saved = Files.readAllBytes(key);
        Files.delete(key);
        assertThatThrownBy(() -> Database.open(folder)).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.KEY_MISSING);
        Files.write(key, saved);
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME)).isEqualTo("道里区医保中心");
        }
    }

    @Test
    void aFolderOfThePreviousReleaseIsEncryptedAndMigratedOnACopyKeepingItsData() throws Exception {
        Path folder = dir.resolve("prod");
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("ybdesk") + ";WRITE_DELAY=0";
        // the schema as the previous release left it (V6), plain file, sa with an empty password
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO agency (code, admin_division_code, name, signature, created_at) VALUES "
                    + "('230102001','230102','道里区医保中心','道里区医保中心', TIMESTAMP WITH TIME ZONE '2026-11-02 09:00:00+08')");
            s.execute("SHUTDOWN");
        }
        assertThat(Database.isEncrypted(folder.resolve(Database.FILE))).isFalse();
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME)).isEqualTo("道里区医保中心");
            assertThat(db.dsl().fetchValue("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"").toString())
                    .isEqualTo(latestMigration());
        }
        assertThat(Database.isEncrypted(folder.resolve(Database.FILE))).isTrue();
        assertThat(Files.list(folder.resolve(Database.PRE_MIGRATION)).toList()).hasSize(1)
                .allSatisfy(p -> assertThat(Database.isEncrypted(p)).isTrue());
        assertThat(folder.resolve(Database.MIGRATING + ".mv.db")).doesNotExist();
    }

    /** The highest version among the migration scripts shipped (so a new migration does not need this test edited). */
    static String latestMigration() throws Exception {
        try (var files = Files.list(Path.of(DatabaseStorageTest.class.getResource("/db/migration").toURI()))) {
            return String.valueOf(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }

    @Test
    void aMigrationCopyLeftByAKillIsDiscardedAndTheOriginalOpens() throws Exception {
        Path folder = dir.resolve("prod");
        try (Database db = Database.open(folder)) {
            agency(db, "道里区医保中心");
        }
        // a kill in the middle of a migration leaves a half-written copy beside the untouched original
        Files.write(folder.resolve(Database.MIGRATING + ".mv.db"), new byte[] {1, 2, 3});
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME)).isEqualTo("道里区医保中心");
        }
        assertThat(folder.resolve(Database.MIGRATING + ".mv.db")).doesNotExist();
    }

    @Test
    void theLedgerNeverHandsOutANumberTwiceEvenWhenTheDatabaseGoesBack() {
        Path folder = dir.resolve("prod");
        try (Database db = Database.open(folder)) {
            assertThat(db.numbers().reserve("CASE:23010220261102", 1)).isEqualTo(1);
            assertThat(db.numbers().reserve("CASE:23010220261102", 2)).isEqualTo(2);
            // the database's counter says 1 again (lost tail, older backup restored): the ledger goes on above 2
            assertThat(db.numbers().reserve("CASE:23010220261102", 1)).isEqualTo(3);
            assertThat(db.numbers().reserveInBlocks("OUTBOX", 1, 100)).isEqualTo(1);
            assertThat(db.numbers().reserveInBlocks("OUTBOX", 2, 100)).isEqualTo(2);
        }
        try (Database db = Database.open(folder)) {
            assertThat(db.numbers().reserve("CASE:23010220261102", 1)).isEqualTo(4);
            // after a restart, values start above the whole block reserved before
            assertThat(db.numbers().reserveInBlocks("OUTBOX", 3, 100)).isEqualTo(101);
            assertThat(db.numbers().reserveInBlocks("OUTBOX", 102, 100)).isEqualTo(102);
        }
    }

    @Test
    void aTornLastLedgerLineIsIgnored() throws Exception {
        Path folder = dir.resolve("prod");
        try (Database db = Database.open(folder)) {
            db.numbers().reserve("CASE:X", 7);
        }
        // cut inside the number: the reservation never returned, nothing carries it; ignored
        Files.writeString(folder.resolve(NumberLedger.FILE), "CASE:X\t", java.nio.file.StandardOpenOption.APPEND);
        try (Database db = Database.open(folder)) {
            assertThat(db.numbers().reserve("CASE:X", 1)).isEqualTo(8);
        }
    }

    @Test
    void backupsAreConsistentEncryptedVerifiedAndRestoredOnlyIntoAnEmptyFolder() throws Exception {
        Path folder = dir.resolve("prod");
        Path backup = dir.resolve("b/one.ybbak");
        Backups.Manifest m;
        try (Database db = Database.open(folder)) {
            agency(db, "道里区医保中心");
            db.write(tx -> AuditLog.append(tx, new AuditLog.Who(null, "system"), T0, "SETUP", "AGENCY", "230102001",
                    null, "{}"));
            m = Backups.create(db, backup, T0);
        }
        assertThat(m.auditRecords()).isEqualTo(1);
        assertThat(new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1)).doesNotContain("230102001");
        assertThat(Backups.verify(backup)).isEqualTo(m);

        Path target = dir.resolve("restored/prod");
        Backups.restore(backup, target);
        try (Database db = Database.open(target)) {
            assertThat(db.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME)).isEqualTo("道里区医保中心");
            assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(1);
        }
        assertThatThrownBy(() -> Backups.restore(backup, target)).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.TARGET_NOT_EMPTY);

        // one flipped byte inside the database entry: refused
        byte[] raw = Files.readAllBytes(backup);
        raw[raw.length / 2] ^= 0x5a;
        Path bad = dir.resolve("b/bad.ybbak");
        Files.write(bad, raw);
        assertThatThrownBy(() -> Backups.verify(bad)).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.BACKUP_INVALID);
        Path notZip = dir.resolve("b/none.ybbak");
        Files.writeString(notZip, "hello");
        assertThatThrownBy(() -> Backups.verify(notZip)).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.BACKUP_INVALID);
    }

    @Test
    void escrowRecoversTheKeyOnlyWithItsPassphrase() throws Exception {
        Path folder = dir.resolve("prod");
        String id;
        try (Database db = Database.open(folder)) {
            agency(db, "道里区医保中心");
            id = db.id();
            DatabaseKeys.exportEscrow(DatabaseKeys.find(id).orElseThrow(), "correct horse battery".toCharArray(),
                    dir.resolve("escrow.key"));
        }
        Files.delete(DatabaseKeys.keyFile(id));
        assertThatThrownBy(() -> DatabaseKeys.importEscrow(dir.resolve("escrow.key"), "wrong horse battery".toCharArray()))
                .isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.KEY_INVALID);
        DatabaseKeys.importEscrow(dir.resolve("escrow.key"), "correct horse battery".toCharArray());
        try (Database db = Database.open(folder)) {
            assertThat(db.dsl().select(AGENCY.NAME).from(AGENCY).fetchOne(AGENCY.NAME)).isEqualTo("道里区医保中心");
        }
    }

    @Test
    void sealedSettingsOpenOnlyOnThisMachine() {
        String sealed = DatabaseKeys.seal("token-123");
        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("token-123");
        assertThat(DatabaseKeys.unseal(sealed)).isEqualTo("token-123");
        assertThat(DatabaseKeys.unseal("plain")).isEqualTo("plain");
    }

    /** The file's growth over a working day is measured by ./bench.sh storage (docs/PERFORMANCE.md). */
    @Test
    void housekeepingRewritesSparseChunksBetweenWrites() {
        Path folder = dir.resolve("prod");
        try (Database db = Database.open(folder)) {
            agency(db, "道里区医保中心");
            String filler = "x".repeat(2000);
            
            for (int i = 0; i < 600; i++) {
                int n = i;
                db.write(tx -> AuditLog.append(tx, new AuditLog.Who(null, "system"), T0.plusSeconds(n), "TEST",
                        "AGENCY", "230102001", null, filler));
                if (i % 100 == 99) {
                    db.maintain();
                }
            }
            // chunks younger than H2's retention time (45 s) are not rewritten yet; the effect over a day is measured
            // by the benchmark, this checks that a maintenance step never harms the data
            assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(600);
            assertThat(AuditLog.verify(db.dsl()).ok()).isTrue();
        }
    }
}
