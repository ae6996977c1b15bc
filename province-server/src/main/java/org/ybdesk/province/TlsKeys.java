package org.ybdesk.province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed key and certificate for the server's HTTPS, made with the JDK's own {@code keytool} (so no
 * certificate code of ours): a PKCS12 key store for {@code start --tls-keystore} and the certificate as PEM for the
 * desks' trust setting ({@code ybdesk sync configure --trust-store}). A province with its own CA imports a signed
 * certificate into a PKCS12 key store instead and gives the desks the CA certificate.
 */
public final class TlsKeys {
    /** The key store alias of the server's key. */
    public static final String ALIAS = "province-server";

    private TlsKeys() {
    }

    /** Reads a password file: its first line, without the line break. */
    public static char[] readPassword(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("password file is empty: " + file);
        }
        return lines.get(0).toCharArray();
    }

    /**
     * Creates {@code keyStore} (PKCS12, an EC P-256 key, valid {@code days} days) for {@code hosts} (names and IP
     * addresses: the first is the subject's CN, all are subject alternative names) and writes the certificate as PEM
     * to {@code certPem}.
     */
    public static void create(Path keyStore, char[] password, List<String> hosts, int days, Path certPem)
            throws IOException {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one host name or address is needed");
        }
        if (Files.exists(keyStore)) {
            throw new IllegalArgumentException("key store exists already: " + keyStore);
        }
        List<String> san = new ArrayList<>();
        for (String h : hosts) {
            if (!h.matches("[A-Za-z0-9.:-]{1,253}")) {
                throw new IllegalArgumentException("not a host name or address: " + h);
            }
            san.add((h.matches("[0-9.]+") || h.contains(":") ? "ip:" : "dns:") + h);
        }
        String pass = new String(password);
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=" + hosts.get(0) + ", O=YB Desk province server",
                "-ext", "SAN=" + String.join(",", san), "-validity", String.valueOf(days),
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", pass, "-keypass", pass);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", pass, "-file", certPem.toString());
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
