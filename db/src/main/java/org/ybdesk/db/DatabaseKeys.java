package org.ybdesk.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of encrypted databases, kept per machine and outside the data folder: a data folder (or a backup of it)
 * that leaves the machine without its key cannot be read.
 *
 * <p>Each database has an id (file {@code database.id} in its folder) and on this machine a key file
 * {@code <keyDir>/<id>.key} (owner-only) holding the H2 file password (AES) and the database user's password. The
 * administrator keeps the key recoverable with an <em>escrow file</em>: the key encrypted with a passphrase
 * (PBKDF2-HMAC-SHA256, AES-256-GCM), exported with {@code ybdesk key export} and imported on another machine with
 * {@code ybdesk key import}. The key folder is {@code ybdesk.keyDir} (system property), else {@code YBDESK_KEY_DIR},
 * else {@code ~/.config/ybdesk/keys}.
 *
 * <p>The same folder holds {@code machine.key}, the machine's own secret for sealing settings such as the sync
 * token ({@link #seal}, {@link #unseal}).
 */
public final class DatabaseKeys {
    public static final String ID_FILE = "database.id";
    private static final String ESCROW_FORMAT = "ybdesk-key-escrow-1";
    private static final int PBKDF2_ITERATIONS = 310_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secrets of one database: H2's file password and the database user's password. */
    public record Key(String databaseId, String filePassword, String userPassword) {
        /** What H2 takes as the password of an encrypted database: file password, space, user password. */
        char[] h2Password() {
            return (filePassword + " " + userPassword).toCharArray();
        }

        @Override
        public String toString() {
            return "Key[" + databaseId + "]";
        }
    }

    private DatabaseKeys() {
    }

    /** The key folder of this machine (created owner-only on first use). */
    public static Path keyDir() {
        String prop = System.getProperty("ybdesk.keyDir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("YBDESK_KEY_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".config", "ybdesk", "keys");
    }

    /** The id of the database in {@code folder}, or empty when the folder has none yet. */
    public static Optional<String> databaseId(Path folder) {
        Path f = folder.resolve(ID_FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(f, StandardCharsets.US_ASCII).trim();
            UUID.fromString(id);
            return Optional.of(id);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(StorageException.Kind.UNREADABLE, f.toString(), "bad database id", e);
        }
    }

    /** Gives {@code folder} a new database id (a restore or a new database). */
    static String newDatabaseId(Path folder) {
        String id = UUID.randomUUID().toString();
        OwnerOnly.writeDurably(folder.resolve(ID_FILE), (id + "\n").getBytes(StandardCharsets.US_ASCII));
        return id;
    }

    static Path keyFile(String databaseId) {
        return keyDir().resolve(databaseId + ".key");
    }

    /** This machine's key for a database, if it has one. */
    public static Optional<Key> find(String databaseId) {
        Path f = keyFile(databaseId);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
            String file = p.getProperty("file");
            String user = p.getProperty("user");
            if (file == null || user == null || !databaseId.equals(p.getProperty("database"))) {
                throw new StorageException(StorageException.Kind.KEY_INVALID, f.toString(), "incomplete key file");
            }
            return Optional.of(new Key(databaseId, file, user));
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, f.toString(), e.getMessage(), e);
        }
    }

    /** Creates and stores a new key for a database (owner-only, forced to the device). */
    static Key create(String databaseId) {
        Key k = new Key(databaseId, randomHex(32), randomHex(24));
        store(k);
        return k;
    }

    private static void store(Key k) {
        Path dir = OwnerOnly.folder(keyDir());
        Properties p = new Properties();
        p.setProperty("database", k.databaseId());
        p.setProperty("file", k.filePassword());
        p.setProperty("user", k.userPassword());
        StringWriter w = new StringWriter();
        try {
            p.store(w, "YB Desk database key: keep this file private; back it up only as an escrow file");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        OwnerOnly.writeDurably(dir.resolve(k.databaseId() + ".key"), w.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the escrow file of a database's key, encrypted with {@code passphrase}. The administrator keeps it (and
     * the passphrase) apart from the machine: with both, the database and its backups open anywhere.
     */
    public static void exportEscrow(Key key, char[] passphrase, Path out) {
        byte[] salt = random(16);
        byte[] iv = random(12);
        byte[] plain = (key.databaseId() + "\n" + key.filePassword() + "\n" + key.userPassword())
                .getBytes(StandardCharsets.UTF_8);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt), new GCMParameterSpec(128, iv));
            c.updateAAD(ESCROW_FORMAT.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plain);
            Properties p = new Properties();
            p.setProperty("format", ESCROW_FORMAT);
            p.setProperty("database", key.databaseId());
            p.setProperty("kdf", "PBKDF2WithHmacSHA256");
            p.setProperty("iterations", Integer.toString(PBKDF2_ITERATIONS));
            p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
            p.setProperty("iv", Base64.getEncoder().encodeToString(iv));
            p.setProperty("data", Base64.getEncoder().encodeToString(ct));
            StringWriter w = new StringWriter();
            p.store(w, "YB Desk key escrow: opens the database only with its passphrase");
            OwnerOnly.writeDurably(out, w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("escrow export failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Reads an escrow file with its passphrase and installs the key on this machine; returns the key. */
    public static Key importEscrow(Path in, char[] passphrase) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, in.toString(), e.getMessage(), e);
        }
        if (!ESCROW_FORMAT.equals(p.getProperty("format"))) {
            throw new StorageException(StorageException.Kind.KEY_INVALID, in.toString(), "not an escrow file");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(p.getProperty("salt"));
            byte[] iv = b64.decode(p.getProperty("iv"));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, Integer.parseInt(p.getProperty("iterations"))),
                    new GCMParameterSpec(128, iv));
            c.updateAAD(ESCROW_FORMAT.getBytes(StandardCharsets.US_ASCII));
            String[] parts = new String(c.doFinal(b64.decode(p.getProperty("data"))), StandardCharsets.UTF_8)
                    .split("\n");
            if (parts.length != 3 || !parts[0].equals(p.getProperty("database"))) {
                throw new StorageException(StorageException.Kind.KEY_INVALID, in.toString(), "escrow content");
            }
            Key k = new Key(parts[0], parts[1], parts[2]);
            store(k);
            return k;
        } catch (javax.crypto.AEADBadTagException e) {
            throw new StorageException(StorageException.Kind.KEY_INVALID, in.toString(), "wrong passphrase", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof StorageException se) {
                throw se;
            }
            throw new StorageException(StorageException.Kind.KEY_INVALID, in.toString(), e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ sealed settings (the machine's own secret)

    private static final String SEALED_PREFIX = "sealed:v1:";

    /** Encrypts a setting (e.g. the sync token) with this machine's secret; the result is safe to store in a file. */
    public static String seal(String plain) {
        byte[] iv = random(12);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, machineSecret(), new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(ct, 0, all, iv.length, ct.length);
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code stored} was written by {@link #seal}. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED_PREFIX);
    }

    /** Decrypts a sealed setting; a value sealed on another machine cannot be opened (KEY_INVALID). */
    public static String unseal(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, machineSecret(), new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StorageException(StorageException.Kind.KEY_INVALID, keyDir().resolve("machine.key").toString(),
                    "sealed on another machine", e);
        }
    }

    private static synchronized SecretKey machineSecret() {
        Path f = keyDir().resolve("machine.key");
        try {
            if (!Files.exists(f)) {
                OwnerOnly.folder(keyDir());
                OwnerOnly.writeDurably(f, (randomHex(32) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            byte[] k = HexFormat.of().parseHex(Files.readString(f, StandardCharsets.US_ASCII).trim());
            return new SecretKeySpec(k, "AES");
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(StorageException.Kind.KEY_INVALID, f.toString(), e.getMessage(), e);
        }
    }

    private static SecretKey derive(char[] passphrase, byte[] salt) throws GeneralSecurityException {
        return derive(passphrase, salt, PBKDF2_ITERATIONS);
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String randomHex(int bytes) {
        return HexFormat.of().formatHex(random(bytes));
    }
}
