package org.ybdesk.db;

/**
 * A storage problem the people at the desk must act on. The database layer formats no Chinese text: it names the
 * {@link Kind} and the path involved, and the service layer turns that into a message.
 */
public final class StorageException extends RuntimeException {
    /** What went wrong, as far as the person at the desk is concerned. */
    public enum Kind {
        /** The database is encrypted and this machine holds no key for it (restore the key from its escrow file). */
        KEY_MISSING,
        /** A key or escrow file exists but does not open the database or cannot be decrypted (wrong passphrase). */
        KEY_INVALID,
        /** Another program holds the database file. */
        IN_USE,
        /** The file cannot be read as a YB Desk database. */
        UNREADABLE,
        /** A migration failed; the folder was left as it was before (the copy was discarded). */
        MIGRATION_FAILED,
        /** A backup file is damaged, incomplete, or not a YB Desk backup. */
        BACKUP_INVALID,
        /** The target of a restore already holds a database. */
        TARGET_NOT_EMPTY,
        /** Reading or writing a file failed. */
        IO
    }

    private final Kind kind;
    private final String path;

    public StorageException(Kind kind, String path, String detail, Throwable cause) {
        super(kind + " " + path + (detail == null ? "" : ": " + detail), cause);
        this.kind = kind;
        this.path = path;
    }

    public StorageException(Kind kind, String path, String detail) {
        this(kind, path, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The file or folder concerned. */
    public String path() {
        return path;
    }
}
