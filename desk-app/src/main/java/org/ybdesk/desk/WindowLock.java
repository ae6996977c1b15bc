package org.ybdesk.desk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One window per data folder (issue 15, D179): the window holds an OS lock on {@code window.lock} in the data folder
 * for as long as its process lives (the OS lets it go when the process ends, even killed). A second window on the
 * same folder finds it taken and is refused with a Chinese message; {@code ybdesk} commands do not take it and work
 * beside the window (H2 mixed mode).
 */
public final class WindowLock implements AutoCloseable {
    public static final String FILE = "window.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WindowLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's window lock; empty when another window (of this or another process) holds it. */
    public static Optional<WindowLock> acquire(Path dataDir) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dataDir);
            ch = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new WindowLock(ch, l));
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(ch);
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    /** The message for the person who started the second window. */
    public static String refusal(Path dataDir) {
        return Texts.t("window.inUse", dataDir.toAbsolutePath().toString());
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases it with the process anyway
        }
    }
}
