package org.ybdesk.service;

import java.nio.file.Path;
import java.util.Map;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.db.DatabaseKeys;
import org.ybdesk.db.StorageException;

/**
 * The database key's escrow (the administrator's way to recover an encrypted database on another machine) and the
 * sealing of settings such as the sync token with this machine's own secret.
 */
public final class KeyService {
    public static final int MIN_PASSPHRASE = 12;
    private final Desk desk;

    KeyService(Desk desk) {
        this.desk = desk;
    }

    /** Writes the escrow file of this database's key (administrator); returns the database id. */
    public String exportEscrow(Path out, char[] passphrase, Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw new ServiceException(Texts.get("key.needsAdmin"));
        }
        checkPassphrase(passphrase);
        String id = desk.db().id();
        try {
            DatabaseKeys.exportEscrow(DatabaseKeys.find(id).orElseThrow(), passphrase, out);
        } catch (StorageException e) {
            throw Desk.storageProblem(e);
        }
        desk.db().write(tx -> {
            desk.audited().record(tx, actor, desk.now(), "KEY_ESCROW_EXPORT", "KEY", id, null,
                    Map.of("file", out.toAbsolutePath().toString()), null);
            return null;
        });
        return id;
    }

    /** Installs a key from its escrow file on this machine; returns the database id it opens. */
    public static String importEscrow(Path file, char[] passphrase) {
        try {
            return DatabaseKeys.importEscrow(file, passphrase).databaseId();
        } catch (StorageException e) {
            throw Desk.storageProblem(e);
        }
    }

    static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new ServiceException(Texts.get("key.passphrase.short", String.valueOf(MIN_PASSPHRASE)));
        }
    }

    /** Encrypts a setting with this machine's secret (e.g. the sync token before it is written to a file). */
    public static String seal(String plain) {
        return DatabaseKeys.seal(plain);
    }

    /** Decrypts a sealed setting; a plain (older) value is returned as it is. */
    public static String unseal(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return DatabaseKeys.unseal(stored);
        } catch (StorageException e) {
            throw new ServiceException(Texts.get("key.sealedElsewhere"), e);
        }
    }

    public static boolean isSealed(String stored) {
        return DatabaseKeys.isSealed(stored);
    }
}
