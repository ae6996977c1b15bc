package org.ybdesk.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CJK fonts shipped with the desk (Noto Sans CJK SC regular and bold for screens and print titles, Noto Serif
 * CJK SC regular as the 宋体-style print body; SIL Open Font License 1.1, see LICENSE-OFL.txt beside them), so that no
 * system font is needed: they cover GB 18030's common characters and CJK Extension A (rare name characters such as
 * 䶮). The serif face was extracted from Debian's fonts-noto-cjk collection (face 2 of NotoSerifCJK-Regular.ttc).
 */
public final class BundledFonts {
    public static final String SANS_REGULAR = "/org/ybdesk/fonts/NotoSansCJKsc-Regular.otf";
    public static final String SANS_BOLD = "/org/ybdesk/fonts/NotoSansCJKsc-Bold.otf";
    public static final String SERIF_REGULAR = "/org/ybdesk/fonts/NotoSerifCJKsc-Regular.otf";
    /** The family name the sans fonts register under. */
    public static final String SANS_FAMILY = "Noto Sans CJK SC";
    /** The family name the serif font registers under. */
    public static final String SERIF_FAMILY = "Noto Serif CJK SC";

    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();
    private static volatile boolean registered;

    private BundledFonts() {
    }

    /** Registers the bundled fonts with AWT once; afterwards {@code new Font(SANS_FAMILY, …)} finds them. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        ge.registerFont(load(SANS_REGULAR));
        ge.registerFont(load(SANS_BOLD));
        ge.registerFont(load(SERIF_REGULAR));
        registered = true;
    }

    /**
     * A bundled font at size 1 (derive the size you need), read once per process from its file ({@link #file}): AWT
     * reads a font given as a file where it needs to, while a font given as a stream is first copied whole.
     */
    public static Font load(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file(r).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("bundled font unreadable: " + r, e);
            }
        });
    }

    /**
     * The bundled font as a file on disk. Where the classes are a folder (a build), that is the file itself; inside
     * the application's jar it is extracted once per machine into the cache folder ({@link #cacheDir}), so a command
     * does not inflate 16–24 MB from the jar (about a second for the three faces) every time it prints.
     */
    public static Path file(String resource) {
        return FILES.computeIfAbsent(resource, BundledFonts::locate);
    }

    private static Path locate(String resource) {
        URL url = BundledFonts.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("bundled font missing: " + resource);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            URLConnection c = url.openConnection();
            c.setUseCaches(false);
            long size = c.getContentLengthLong();
            if (size < 0) {
                // a class loader that does not say the entry's size: a temporary copy for this process, nothing cached
                try (InputStream in = c.getInputStream()) {
                    Path tmp = Files.createTempFile("ybdesk-font", ".otf");
                    tmp.toFile().deleteOnExit();
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    return tmp;
                }
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Path dir = Files.createDirectories(cacheDir().resolve("fonts"));
            Path target = dir.resolve(name.replace(".otf", "-" + size + ".otf"));
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            // another program may extract the same font at the same moment: each writes its own file and moves it
            // into place whole
            Path tmp = Files.createTempFile(dir, name, ".part");
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                if (Files.size(tmp) != size) {
                    throw new IOException("short read of " + resource);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The folder for files the application can rebuild (the extracted fonts): {@code ybdesk.cacheDir} (system
     * property), else {@code $XDG_CACHE_HOME/ybdesk}, else {@code %LOCALAPPDATA%\ybdesk\cache} on Windows, else
     * {@code ~/.cache/ybdesk}.
     */
    public static Path cacheDir() {
        String prop = System.getProperty("ybdesk.cacheDir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ybdesk");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank()) {
            return Path.of(local, "ybdesk", "cache");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ybdesk");
    }
}
