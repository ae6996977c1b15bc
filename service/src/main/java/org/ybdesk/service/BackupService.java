package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.BACKUP_RUN;
import static org.ybdesk.db.jooq.Tables.DESK_SETTING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.db.Backups;
import org.ybdesk.db.StorageException;
import org.ybdesk.db.jooq.tables.records.BackupRunRecord;

/**
 * Backups of the desk's database: on demand by an administrator, and automatically once a day into the configured
 * folder, keeping the newest N generations. Every backup is recorded (the window shows the last one) and audited.
 */
public final class BackupService {
    public static final String SETTING_DIR = "backup.dir";
    public static final String SETTING_KEEP = "backup.keep";
    public static final int DEFAULT_KEEP = 14;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Desk desk;

    BackupService(Desk desk) {
        this.desk = desk;
    }

    /** A backup taken, as recorded. */
    public record BackupView(String kind, Path file, long bytes, String sha256, long auditSeq,
                             OffsetDateTime createdAt) {
    }

    /**
     * What a backup file holds, as checked when verifying or restoring it: when it was taken, the schema version, the
     * counts of cases, persons, units, audit records and pending outbox messages, the audit chain's head, the file's
     * SHA-256 and size.
     */
    public record BackupContents(OffsetDateTime createdAt, String schemaVersion, long cases, long persons, long units,
                                 long auditRecords, long pendingOutbox, long auditHeadSeq, String auditHeadHash,
                                 String sha256, long bytes) {
        static BackupContents of(Backups.Manifest m) {
            return new BackupContents(m.createdAt(), m.schemaVersion(), m.cases(), m.persons(), m.units(),
                    m.auditRecords(), m.pendingOutbox(), m.auditHeadSeq(), m.auditHeadHash(), m.sha256(), m.bytes());
        }
    }

    /** Where automatic backups go and how many are kept; empty folder when none is set. */
    public record Settings(Optional<Path> folder, int keep) {
    }

    /** Takes a backup into {@code out} now (administrator). */
    public BackupView create(Path out, Actor actor) {
        requireAdmin(actor);
        return take(out, "MANUAL", actor);
    }

    private BackupView take(Path out, String kind, Actor actor) {
        if (Files.isDirectory(out)) {
            throw new ServiceException(Texts.get("backup.out.isFolder", out.toString()));
        }
        Backups.Manifest m;
        try {
            m = Backups.create(desk.db(), out, desk.now());
        } catch (StorageException e) {
            throw Desk.storageProblem(e);
        }
        OffsetDateTime now = desk.now();
        desk.db().write(tx -> {
            BackupRunRecord r = tx.newRecord(BACKUP_RUN);
            r.setKind(kind);
            r.setFilePath(out.toAbsolutePath().toString());
            r.setBytes(m.bytes());
            r.setSha256(m.sha256());
            r.setAuditSeq(m.auditHeadSeq());
            r.setCreatedAt(now);
            r.setCreatedBy(actor == null ? null : actor.id());
            r.store();
            desk.audited().record(tx, actor, now, "BACKUP_" + kind, "BACKUP", r.getId().toString(), null,
                    Map.of("file", r.getFilePath(), "sha256", m.sha256(), "auditSeq", m.auditHeadSeq()), null);
            return null;
        });
        return new BackupView(kind, out.toAbsolutePath(), m.bytes(), m.sha256(), m.auditHeadSeq(), now);
    }

    /** Checks a backup file: digest, opens with the key, audit chain, counts. */
    public static BackupContents verify(Path file) {
        requireFile(file);
        try {
            return BackupContents.of(Backups.verify(file));
        } catch (StorageException e) {
            throw Desk.storageProblem(e);
        }
    }

    /**
     * Restores a backup into the data folder {@code dataDir} (mode's sub-folder), which must hold no database. Needs
     * no open desk: the key installed on this machine (or imported from its escrow file) is what opens it. On
     * {@code clock}'s day: after the database is in place, the desk is opened
     * once and the restore day's case numbering continues at the next block of 10,000 above what the backup (and a
     * numbers ledger kept in the folder) knew (D118), audited as NUMBERS_AFTER_RESTORE. The cases the lost desk
     * issued that day after the backup was taken (the backup cannot know them) stay below that block.
     */
    public static BackupContents restore(Path file, Path dataDir, Mode mode, java.time.Clock clock) {
        requireFile(file);
        BackupContents contents;
        try {
            contents = BackupContents.of(Backups.restore(file, dataDir.resolve(mode.folder())));
        } catch (StorageException e) {
            throw Desk.storageProblem(e);
        }
        try (Desk desk = Desk.open(dataDir, mode, clock)) {
            continueAfterRestore(desk);
        }
        return contents;
    }

    /** Moves the restore day's counter of this desk's window to the next block (D118); nothing before the setup. */
    static void continueAfterRestore(Desk desk) {
        desk.db().write(tx -> {
            var window = org.ybdesk.db.CaseNumbering.windowNo(tx);
            var agency = desk.agency();
            if (window.isEmpty() || agency.isEmpty()) {
                return null;
            }
            String code = agency.get().getCode();
            java.time.LocalDate day = desk.today();
            int before = org.ybdesk.db.CaseNumbering.known(tx, desk.db().numbers(), code, day, window.get());
            int after = org.ybdesk.db.CaseNumbering.jumpToNextBlock(tx, desk.db().numbers(), code, day, window.get());
            java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
            facts.put("day", day.toString());
            facts.put("windowNo", window.get());
            facts.put("knownSeq", before);
            facts.put("nextSeq", after + 1);
            desk.audited().record(tx, null, desk.now(), "NUMBERS_AFTER_RESTORE", "DESK", "window", null, facts, null);
            return null;
        });
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ServiceException(Texts.get("backup.file.missing", file.toString()));
        }
    }

    /** Sets the folder of automatic backups and the generations kept (administrator). */
    public Settings configure(Path folder, int keep, Actor actor) {
        requireAdmin(actor);
        if (keep < 1 || keep > 365) {
            throw new ServiceException(Texts.get("backup.keep.range"));
        }
        Path abs = folder.toAbsolutePath().normalize();
        if (abs.startsWith(desk.db().folder().toAbsolutePath().normalize())) {
            throw new ServiceException(Texts.get("backup.dir.insideData", abs.toString()));
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new ServiceException(Texts.get("backup.dir.unusable", abs.toString()));
        }
        OffsetDateTime now = desk.now();
        desk.db().write(tx -> {
            for (var e : Map.of(SETTING_DIR, abs.toString(), SETTING_KEEP, Integer.toString(keep)).entrySet()) {
                tx.mergeInto(DESK_SETTING).using(org.jooq.impl.DSL.selectOne())
                        .on(DESK_SETTING.NAME.eq(e.getKey()))
                        .whenMatchedThenUpdate().set(DESK_SETTING.SETTING, e.getValue())
                        .set(DESK_SETTING.UPDATED_AT, now)
                        .whenNotMatchedThenInsert(DESK_SETTING.NAME, DESK_SETTING.SETTING, DESK_SETTING.UPDATED_AT)
                        .values(e.getKey(), e.getValue(), now).execute();
            }
            desk.audited().record(tx, actor, now, "BACKUP_CONFIGURE", "SETTING", SETTING_DIR, null,
                    Map.of("dir", abs.toString(), "keep", keep), null);
            return null;
        });
        return settings();
    }

    public Settings settings() {
        Map<String, String> s = desk.db().dsl().selectFrom(DESK_SETTING).fetchMap(DESK_SETTING.NAME,
                DESK_SETTING.SETTING);
        int keep = DEFAULT_KEEP;
        try {
            keep = Integer.parseInt(s.getOrDefault(SETTING_KEEP, Integer.toString(DEFAULT_KEEP)));
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return new Settings(Optional.ofNullable(s.get(SETTING_DIR)).map(Path::of), keep);
    }

    /** The newest backup recorded, if any. */
    public Optional<BackupView> last() {
        return desk.db().dsl().selectFrom(BACKUP_RUN).orderBy(BACKUP_RUN.CREATED_AT.desc(), BACKUP_RUN.ID.desc())
                .limit(1).fetchOptional().map(BackupService::view);
    }

    private static BackupView view(BackupRunRecord r) {
        return new BackupView(r.getKind(), Path.of(r.getFilePath()), r.getBytes(), r.getSha256(), r.getAuditSeq(),
                r.getCreatedAt());
    }

    /**
     * The automatic daily backup: when a folder is configured and no automatic backup was taken today, takes one
     * named {@code ybdesk-<mode>-<yyyyMMdd-HHmmss>.ybbak} and deletes the oldest beyond the generations kept. Returns
     * the backup taken, or empty when none was due. The backup is verified at once (the daily integrity check: a
     * damaged database or audit chain shows here, not on the day of a restore). The sandbox is never backed up.
     */
    public Optional<BackupView> dailyIfDue() {
        if (desk.mode() == Mode.SANDBOX) {
            return Optional.empty();
        }
        Settings s = settings();
        if (s.folder().isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = desk.today();
        boolean done = desk.db().dsl().fetchExists(BACKUP_RUN, BACKUP_RUN.KIND.eq("AUTO"),
                BACKUP_RUN.CREATED_AT.ge(today.atStartOfDay(Desk.ZONE).toOffsetDateTime()));
        if (done) {
            return Optional.empty();
        }
        Path dir = s.folder().get();
        Path out = dir.resolve("ybdesk-" + desk.mode().folder() + "-" + desk.now().format(STAMP) + Backups.SUFFIX);
        BackupView v = take(out, "AUTO", null);
        // the day's integrity check: the copy just written is opened and checked (digest, audit chain, counts)
        // before older generations are deleted
        verify(out);
        prune(dir, s.keep());
        return Optional.of(v);
    }

    private void prune(Path dir, int keep) {
        String prefix = "ybdesk-" + desk.mode().folder() + "-";
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> mine = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(Backups.SUFFIX)).sorted(Comparator.reverseOrder()).toList();
            for (Path p : mine.subList(Math.min(keep, mine.size()), mine.size())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new ServiceException(Texts.get("backup.dir.unusable", dir.toString()));
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("backup.needsAdmin"));
        }
    }
}
