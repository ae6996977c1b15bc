package org.ybdesk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.service.ServiceException;

/**
 * Where and as whom the desk syncs: the provincial server's base URL, the desk number and token it was registered
 * with, an optional trust store, and tuning (batch size, interval, timeout). Kept in the data folder's
 * {@code config.properties} under {@code sync.*} keys (other keys of the file are preserved); the file is made
 * readable by its owner only because it holds the token. A desk without a server URL is unconfigured: it works
 * offline and says so.
 */
public record SyncConfig(String serverUrl, int windowNo, String token, Path trustStore, String trustStorePassword,
                         int batchSize, int intervalSeconds, int timeoutSeconds) {
    public static final String FILE = "config.properties";
    static final String URL = "sync.server-url";
    static final String WINDOW_NO = "sync.window-no";
    /** The window number's key before issue 11; read when {@link #WINDOW_NO} is absent, replaced at the next save. */
    static final String OLD_WINDOW_NO = "sync.desk-no";
    static final String TOKEN = "sync.token";
    static final String TRUST_STORE = "sync.trust-store";
    static final String TRUST_STORE_PASSWORD = "sync.trust-store-password";
    static final String BATCH = "sync.batch-size";
    static final String INTERVAL = "sync.interval-seconds";
    static final String TIMEOUT = "sync.timeout-seconds";

    public static final int DEFAULT_INTERVAL = 60;
    public static final int DEFAULT_TIMEOUT = 15;

    public SyncConfig {
        batchSize = batchSize <= 0 ? Protocol.MAX_BATCH : Math.min(batchSize, Protocol.MAX_BATCH);
        intervalSeconds = intervalSeconds <= 0 ? DEFAULT_INTERVAL : intervalSeconds;
        timeoutSeconds = timeoutSeconds <= 0 ? DEFAULT_TIMEOUT : timeoutSeconds;
    }

    public SyncConfig(String serverUrl, int windowNo, String token) {
        this(serverUrl, windowNo, token, null, null, 0, 0, 0);
    }

    public SyncConfig withBatchSize(int n) {
        return new SyncConfig(serverUrl, windowNo, token, trustStore, trustStorePassword, n, intervalSeconds,
                timeoutSeconds);
    }

    public SyncConfig withTimeoutSeconds(int s) {
        return new SyncConfig(serverUrl, windowNo, token, trustStore, trustStorePassword, batchSize, intervalSeconds, s);
    }

    public SyncConfig withIntervalSeconds(int s) {
        return new SyncConfig(serverUrl, windowNo, token, trustStore, trustStorePassword, batchSize, s, timeoutSeconds);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /**
     * Why this configuration must not be used to connect, or null: a plain {@code http://} URL whose host is not
     * this machine (127.0.0.0/8, ::1, localhost) would send the token and applicants' data unencrypted over the
     * network. Checked when the configuration is saved and again before every connection.
     */
    public String plainHttpRefusal() {
        try {
            URI u = URI.create(serverUrl == null ? "" : serverUrl.trim());
            if ("http".equalsIgnoreCase(u.getScheme()) && !isLoopback(u.getHost())) {
                return Texts.get("config.url.plainHttp", serverUrl.trim());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return Texts.get("config.url.invalid", String.valueOf(serverUrl));
        }
    }

    /** Whether {@code host} (as in a URL) names this machine: localhost, an IPv4 127.x.x.x literal, or ::1. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")
                .matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 3; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    }

    /** The configuration in {@code dataDir}, or empty when no server is configured (the desk works offline). */
    public static Optional<SyncConfig> load(Path dataDir) {
        Properties p = read(dataDir);
        String url = p.getProperty(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String ts = p.getProperty(TRUST_STORE);
        return Optional.of(new SyncConfig(url.trim(), intOf(p, p.getProperty(WINDOW_NO) == null ? OLD_WINDOW_NO : WINDOW_NO, 0),
                org.ybdesk.service.KeyService.unseal(p.getProperty(TOKEN, "")),
                ts == null || ts.isBlank() ? null : Path.of(ts.trim()),
                org.ybdesk.service.KeyService.unseal(p.getProperty(TRUST_STORE_PASSWORD)),
                intOf(p, BATCH, 0), intOf(p, INTERVAL, 0), intOf(p, TIMEOUT, 0)));
    }

    /** Checks and writes the configuration into {@code dataDir/config.properties}; all problems at once. */
    public static SyncConfig save(Path dataDir, SyncConfig c) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        try {
            URI u = URI.create(c.serverUrl() == null ? "" : c.serverUrl().trim());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                problems.add(Texts.get("config.url.invalid", String.valueOf(c.serverUrl())));
            } else if (c.plainHttpRefusal() != null) {
                problems.add(c.plainHttpRefusal());
            }
        } catch (IllegalArgumentException e) {
            problems.add(Texts.get("config.url.invalid", String.valueOf(c.serverUrl())));
        }
        if (c.windowNo() < 0 || c.windowNo() > 999) {
            problems.add(Texts.get("config.windowNo.invalid", String.valueOf(c.windowNo())));
        }
        if (c.token() == null || c.token().isBlank()) {
            problems.add(Texts.get("config.token.missing"));
        }
        if (c.trustStore() != null && !Files.isReadable(c.trustStore())) {
            problems.add(Texts.get("config.trustStore.missing", c.trustStore().toString()));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Properties p = read(dataDir);
        p.setProperty(URL, c.serverUrl().trim());
        p.setProperty(WINDOW_NO, String.valueOf(c.windowNo()));
        p.remove(OLD_WINDOW_NO);
        // sealed with this machine's secret (D77): config.properties never holds the token in plain text
        p.setProperty(TOKEN, c.token().isBlank() ? "" : org.ybdesk.service.KeyService.seal(c.token().trim()));
        if (c.trustStore() != null) {
            p.setProperty(TRUST_STORE, c.trustStore().toString());
            if (c.trustStorePassword() != null) {
                p.setProperty(TRUST_STORE_PASSWORD, org.ybdesk.service.KeyService.seal(c.trustStorePassword()));
            }
        }
        p.setProperty(BATCH, String.valueOf(c.batchSize()));
        p.setProperty(INTERVAL, String.valueOf(c.intervalSeconds()));
        p.setProperty(TIMEOUT, String.valueOf(c.timeoutSeconds()));
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "YB Desk");
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (Windows): the user's profile folder protects it
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    private static Properties read(Path dataDir) {
        Properties p = new Properties();
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static int intOf(Properties p, String key, int dflt) {
        String v = p.getProperty(key);
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The token is a secret: it never shows in logs. */
    @Override
    public String toString() {
        return "SyncConfig[" + serverUrl + ", window " + windowNo + ", batch " + batchSize + "]";
    }
}
