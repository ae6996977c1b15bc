package org.ybdesk.desk;

import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.swing.Timer;

/**
 * Every window and dialog fits the screen and comes back at the size the clerk gave it (issue 15, D183): its size is
 * clamped to the usable screen (on a screen that reports no taskbar, {@link #TASKBAR} pixels are kept free below, so
 * 1366×768 gives 1366×728), it is resizable, and its size is kept per window name in {@code window-sizes.properties}
 * of the data folder (the person's own folder; not the database).
 */
final class WindowSizes {
    /** Kept free below the window when the screen reports no insets (a taskbar the toolkit cannot see). */
    static final int TASKBAR = 40;
    static final String FILE = "window-sizes.properties";
    private static volatile Path folder;

    private WindowSizes() {
    }

    /** Sizes are kept in {@code dataDir}; until set, windows are only fitted to the screen. */
    static void useFolder(Path dataDir) {
        folder = dataDir;
    }

    /** The part of the screen a window may use: the screen less its insets, or less {@link #TASKBAR} below. */
    /**
     * The usable area of the counter's screen to lay windows out for instead of the real display's (tests: the suite's
     * Xvfb is larger than the 1366×768 a counter has, so EveryDialogFitsTest lays every window out as there).
     */
    static volatile Rectangle counterScreen;

    static Rectangle usable(Window w) {
        Rectangle counter = counterScreen;
        if (counter != null) {
            return new Rectangle(counter);
        }
        GraphicsConfiguration gc = w == null ? null : w.getGraphicsConfiguration();
        Rectangle screen;
        Insets in;
        if (gc == null) {
            GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
            gc = ge.getDefaultScreenDevice().getDefaultConfiguration();
        }
        screen = gc.getBounds();
        in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        if (in.top + in.bottom + in.left + in.right == 0) {
            in = new Insets(0, 0, TASKBAR, 0);
        }
        return new Rectangle(screen.x + in.left, screen.y + in.top, screen.width - in.left - in.right,
                screen.height - in.top - in.bottom);
    }

    /**
     * Makes {@code w} resizable, gives it its remembered size (never below its minimum), fits it into the usable
     * screen and remembers the sizes the clerk gives it from now on. Call after the window's first {@code pack} or
     * {@code setSize}.
     */
    static void remember(Window w) {
        if (w instanceof Dialog d) {
            d.setResizable(true);
        } else if (w instanceof Frame f) {
            f.setResizable(true);
        }
        String key = key(w);
        Dimension saved = load().map(p -> parse(p.getProperty(key))).orElse(null);
        if (saved != null) {
            Dimension min = w.getMinimumSize();
            w.setSize(Math.max(saved.width, min.width), Math.max(saved.height, min.height));
        }
        fit(w);
        Timer save = new Timer(400, e -> save(key, w.getSize()));
        save.setRepeats(false);
        w.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (w.isShowing()) {
                    save.restart();
                }
            }
        });
    }

    /** Shrinks {@code w} into the usable screen (keeping its minimum when that fits) and moves it inside. */
    static void fit(Window w) {
        Rectangle u = usable(w);
        Dimension min = w.getMinimumSize();
        if (min.width > u.width || min.height > u.height) {
            w.setMinimumSize(new Dimension(Math.min(min.width, u.width), Math.min(min.height, u.height)));
        }
        int width = Math.min(w.getWidth(), u.width);
        int height = Math.min(w.getHeight(), u.height);
        if (width != w.getWidth() || height != w.getHeight()) {
            w.setSize(width, height);
        }
        int x = Math.max(u.x, Math.min(w.getX(), u.x + u.width - width));
        int y = Math.max(u.y, Math.min(w.getY(), u.y + u.height - height));
        if (x != w.getX() || y != w.getY()) {
            w.setLocation(x, y);
        }
    }

    private static String key(Window w) {
        return w.getName() != null && !w.getName().isBlank() && !w.getName().startsWith("dialog")
                && !w.getName().startsWith("frame") ? w.getName() : w.getClass().getSimpleName();
    }

    private static Dimension parse(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.split("x");
        try {
            return p.length == 2 ? new Dimension(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())) : null;
        } catch (NumberFormatException e) {
            return null; // a hand-edited file: the window takes its own size
        }
    }

    private static java.util.Optional<Properties> load() {
        Path dir = folder;
        if (dir == null) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        Path f = dir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger(WindowSizes.class).warn("window sizes not read: {}", e.toString());
            }
        }
        return java.util.Optional.of(p);
    }

    /** The remembered size of a window (tests). */
    static java.util.Optional<Dimension> saved(String key) {
        return load().map(p -> parse(p.getProperty(key)));
    }

    private static synchronized void save(String key, Dimension size) {
        Path dir = folder;
        java.util.Optional<Properties> p = load();
        if (dir == null || p.isEmpty() || !Files.isDirectory(dir)) {
            return;
        }
        p.get().setProperty(key, size.width + "x" + size.height);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.get().store(out, "YB Desk window sizes");
            }
            Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a size not kept is no reason to bother the clerk
            org.slf4j.LoggerFactory.getLogger(WindowSizes.class).warn("window size not saved: {}", e.toString());
        }
    }
}
