package org.ybdesk.db;

import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;

/**
 * Backups of a database: online and consistent (H2's {@code BACKUP TO} copies the file under the store's lock while
 * the desk keeps working), encrypted (the database file inside stays encrypted with its key; the manifest holds no
 * personal data), and checkable anywhere the key is installed.
 *
 * <p>A backup file is a ZIP with {@code manifest.properties} (format, database id, time, schema version, row counts,
 * the audit chain's head, SHA-256 of the database entry) and {@code ybdesk.mv.db}. {@link #verify} checks the digest,
 * opens the database read-only with the key, recomputes the audit chain and compares the counts; {@link #restore}
 * verifies first and writes only into a folder without a database.
 */
public final class Backups {
    public static final String FORMAT = "ybdesk-backup-1";
    public static final String SUFFIX = ".ybbak";
    static final String MANIFEST = "manifest.properties";

    private Backups() {
    }

    /** What a backup holds, from its manifest (and, after {@link #verify}, as found inside). */
    public record Manifest(String databaseId, OffsetDateTime createdAt, String schemaVersion, long cases,
                           long persons, long units, long auditRecords, long pendingOutbox, long auditHeadSeq,
                           String auditHeadHash, String sha256, long bytes) {
    }

    /** Writes a backup of the open database to {@code out} (forced to the device; replaces nothing half-written). */
    public static Manifest create(Database db, Path out, OffsetDateTime now) {
        Path work = null;
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            work = Files.createTempDirectory(parent, ".ybdesk-backup-");
            OwnerOnly.restrict(work);
            Path h2zip = work.resolve("h2.zip");
            Map<String, Object> facts;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // counts and the backup in one go under the writer lock: nothing commits between them
                facts = db.write(tx -> {
                    Map<String, Object> f = facts(tx);
                    try {
                        s.execute("BACKUP TO '" + h2zip.toAbsolutePath().toString().replace("'", "''") + "'");
                    } catch (SQLException e) {
                        throw new StorageException(StorageException.Kind.IO, h2zip.toString(), e.getMessage(), e);
                    }
                    return f;
                });
            }
            Path dbFile = work.resolve(Database.FILE);
            try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(h2zip))) {
                ZipEntry e;
                boolean found = false;
                while ((e = zin.getNextEntry()) != null) {
                    if (e.getName().endsWith(Database.FILE)) {
                        Files.copy(zin, dbFile, StandardCopyOption.REPLACE_EXISTING);
                        found = true;
                    }
                }
                if (!found) {
                    throw new StorageException(StorageException.Kind.IO, h2zip.toString(), "no database in H2 backup");
                }
            }
            String sha = sha256(dbFile);
            Manifest m = new Manifest(db.id(), now, (String) facts.get("schema"), (Long) facts.get("cases"),
                    (Long) facts.get("persons"), (Long) facts.get("units"), (Long) facts.get("audit"),
                    (Long) facts.get("pending"), (Long) facts.get("headSeq"), (String) facts.get("headHash"), sha,
                    Files.size(dbFile));
            Path tmp = out.resolveSibling(out.getFileName() + ".partial");
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zout = new ZipOutputStream(os)) {
                OwnerOnly.restrict(tmp);
                zout.putNextEntry(new ZipEntry(MANIFEST));
                zout.write(write(m).getBytes(StandardCharsets.UTF_8));
                zout.closeEntry();
                zout.putNextEntry(new ZipEntry(Database.FILE));
                Files.copy(dbFile, zout);
                zout.closeEntry();
            }
            OwnerOnly.force(tmp);
            OwnerOnly.moveDurably(tmp, out);
            return m;
        } catch (IOException | SQLException e) {
            throw new StorageException(StorageException.Kind.IO, out.toString(), e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static Map<String, Object> facts(DSLContext tx) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("schema", tx.fetchValue("SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")
                .toString());
        f.put("cases", (long) tx.fetchCount(CASE_FILE));
        f.put("persons", (long) tx.fetchCount(PERSON));
        f.put("units", (long) tx.fetchCount(UNIT));
        f.put("audit", (long) tx.fetchCount(AUDIT_LOG));
        f.put("pending", (long) tx.fetchCount(OUTBOX, OUTBOX.STATUS.eq(Outbox.PENDING)));
        var head = AuditLog.last(tx);
        f.put("headSeq", head.map(h -> h.getSeq()).orElse(0L));
        f.put("headHash", head.map(h -> h.getHash()).orElse(AuditLog.GENESIS));
        return f;
    }

    /** Reads the manifest, checks the digest, opens the database read-only and compares what it finds. */
    public static Manifest verify(Path backup) {
        Path work = null;
        try {
            work = Files.createTempDirectory(".ybdesk-verify-");
            OwnerOnly.restrict(work);
            Manifest m = unpack(backup, work);
            checkInside(backup, work, m);
            return m;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, backup.toString(), e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Verifies {@code backup} and puts its database into {@code folder} (the production or sandbox folder of a data
     * folder), which must hold no database yet. A numbers ledger already in the folder is kept, so numbers handed out
     * after the backup was taken are not handed out again.
     */
    public static Manifest restore(Path backup, Path folder) {
        if (Files.exists(folder.resolve(Database.FILE))) {
            throw new StorageException(StorageException.Kind.TARGET_NOT_EMPTY, folder.toString(), null);
        }
        Manifest m = verify(backup);
        OwnerOnly.folder(folder);
        try {
            Path tmp = folder.resolve(Database.MIGRATING + ".mv.db");
            unpackDatabase(backup, tmp);
            OwnerOnly.force(tmp);
            OwnerOnly.writeDurably(folder.resolve(DatabaseKeys.ID_FILE),
                    (m.databaseId() + "\n").getBytes(StandardCharsets.US_ASCII));
            OwnerOnly.moveDurably(tmp, folder.resolve(Database.FILE));
            return m;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, folder.toString(), e.getMessage(), e);
        }
    }

    private static Manifest unpack(Path backup, Path work) throws IOException {
        Manifest m = null;
        boolean db = false;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals(MANIFEST)) {
                    m = read(new String(zin.readAllBytes(), StandardCharsets.UTF_8), backup);
                } else if (e.getName().equals(Database.FILE)) {
                    Files.copy(zin, work.resolve(Database.FILE), StandardCopyOption.REPLACE_EXISTING);
                    db = true;
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), e.getMessage(), e);
        }
        if (m == null || !db) {
            throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), "entries missing");
        }
        if (!sha256(work.resolve(Database.FILE)).equals(m.sha256())) {
            throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), "digest mismatch");
        }
        return m;
    }

    private static void unpackDatabase(Path backup, Path target) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals(Database.FILE)) {
                    Files.copy(zin, target, StandardCopyOption.REPLACE_EXISTING);
                    OwnerOnly.restrict(target);
                    return;
                }
            }
        }
        throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), "no database entry");
    }

    private static void checkInside(Path backup, Path work, Manifest m) {
        OwnerOnly.writeDurably(work.resolve(DatabaseKeys.ID_FILE),
                (m.databaseId() + "\n").getBytes(StandardCharsets.US_ASCII));
        Manifest found = Database.peek(work, tx -> {
            Map<String, Object> f = facts(tx);
            AuditLog.Verification v = AuditLog.verify(tx);
            if (!v.ok()) {
                throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(),
                        "audit chain broken at " + v.firstBadSeq());
            }
            return new Manifest(m.databaseId(), m.createdAt(), (String) f.get("schema"), (Long) f.get("cases"),
                    (Long) f.get("persons"), (Long) f.get("units"), (Long) f.get("audit"), (Long) f.get("pending"),
                    (Long) f.get("headSeq"), (String) f.get("headHash"), m.sha256(), m.bytes());
        });
        if (!found.equals(m)) {
            throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(),
                    "content differs from manifest: " + found + " vs " + m);
        }
    }

    private static String write(Manifest m) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("database", m.databaseId());
        p.setProperty("created", m.createdAt().toString());
        p.setProperty("schema", m.schemaVersion());
        p.setProperty("cases", Long.toString(m.cases()));
        p.setProperty("persons", Long.toString(m.persons()));
        p.setProperty("units", Long.toString(m.units()));
        p.setProperty("audit", Long.toString(m.auditRecords()));
        p.setProperty("pendingOutbox", Long.toString(m.pendingOutbox()));
        p.setProperty("auditHeadSeq", Long.toString(m.auditHeadSeq()));
        p.setProperty("auditHeadHash", m.auditHeadHash());
        p.setProperty("sha256", m.sha256());
        p.setProperty("bytes", Long.toString(m.bytes()));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "YB Desk backup");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static Manifest read(String text, Path backup) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), "format");
            }
            return new Manifest(p.getProperty("database"), OffsetDateTime.parse(p.getProperty("created")),
                    p.getProperty("schema"), Long.parseLong(p.getProperty("cases")),
                    Long.parseLong(p.getProperty("persons")), Long.parseLong(p.getProperty("units")),
                    Long.parseLong(p.getProperty("audit")), Long.parseLong(p.getProperty("pendingOutbox")),
                    Long.parseLong(p.getProperty("auditHeadSeq")), p.getProperty("auditHeadHash"),
                    p.getProperty("sha256"), Long.parseLong(p.getProperty("bytes")));
        } catch (IOException | RuntimeException e) {
            if (e instanceof StorageException se) {
                throw se;
            }
            throw new StorageException(StorageException.Kind.BACKUP_INVALID, backup.toString(), e.getMessage(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the system's temp files
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
