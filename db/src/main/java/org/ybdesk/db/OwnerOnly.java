package org.ybdesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may read: data folders are 0700 and their files 0600 (on POSIX file systems;
 * elsewhere the operating system's defaults for the user's profile apply). Also durable writes: a file written
 * through {@link #writeDurably} is complete on the device, or the old one is still there.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} (and parents) if needed and makes it and every file directly in it owner-only. */
    public static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    restrictIfPresent(f);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, dir.toString(), e.getMessage(), e);
        }
    }

    /**
     * Restricts a file found by listing a folder that other programs write too (the key folder, shared by the window
     * and the commands): a temporary file another program has just renamed away is no longer there to restrict.
     */
    private static void restrictIfPresent(Path p) {
        try {
            restrict(p);
        } catch (StorageException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e;
            }
        }
    }

    /** Makes one file or folder owner-only. */
    public static void restrict(Path p) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.setPermissions(Files.isDirectory(p) ? DIR : FILE);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, p.toString(), e.getMessage(), e);
        }
    }

    /** True when group and others have no access at all (always true where POSIX permissions don't exist). */
    public static boolean isRestricted(Path p) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        try {
            return view.readAttributes().permissions().stream().noneMatch(x -> x.name().startsWith("GROUP")
                    || x.name().startsWith("OTHERS"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code content} to {@code target} so that after a crash or power loss either the old or the new content
     * is there in full: a temporary file beside it, forced to the device, moved over the target, folder forced.
     */
    public static void writeDurably(Path target, byte[] content) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                restrict(tmp);
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true);
            }
            moveDurably(tmp, target);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, target.toString(), e.getMessage(), e);
        }
    }

    /** Renames {@code from} over {@code to} atomically (same folder) and forces the folder entry to the device. */
    public static void moveDurably(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        forceFolder(to.toAbsolutePath().getParent());
    }

    /** Forces a folder's entries to the device (a no-op where the platform can't open folders). */
    public static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Windows cannot open a directory as a channel; NTFS journals renames itself.
        }
    }

    /** Forces one file's content to the device. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
