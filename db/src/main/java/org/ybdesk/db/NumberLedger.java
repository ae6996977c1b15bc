package org.ybdesk.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The high-water mark of every number the desk prints (case numbers and the like), kept in a file of its own beside
 * the database and forced to the device <em>before</em> the number is used. Whatever happens to the database file
 * (a crash that loses its tail, a restore of an older backup into the same folder), a number once handed out is
 * never handed out again: the next one is above both the database's counter and this ledger.
 *
 * <p>Format: one line per reservation, {@code series TAB value}; a torn last line (crash mid-write) is ignored. The
 * file is rewritten with only the highest value per series when it grows past {@link #COMPACT_BYTES}.
 */
public final class NumberLedger implements AutoCloseable {
    public static final String FILE = "numbers.ledger";
    static final long COMPACT_BYTES = 1 << 20;

    private final Path file;
    private final Map<String, Long> high = new HashMap<>();
    /** Per series, the highest value reserved when the ledger was opened (anything up to it may have been used). */
    private final Map<String, Long> highAtOpen = new HashMap<>();
    private FileChannel channel;

    private NumberLedger(Path file) {
        this.file = file;
    }

    /** Opens (creating if needed) the ledger in {@code folder}. */
    public static NumberLedger open(Path folder) {
        NumberLedger l = new NumberLedger(folder.resolve(FILE));
        try {
            if (Files.exists(l.file)) {
                l.read();
                if (Files.size(l.file) > COMPACT_BYTES) {
                    l.compact();
                }
            }
            l.highAtOpen.putAll(l.high);
            l.channel = FileChannel.open(l.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            OwnerOnly.restrict(l.file);
            OwnerOnly.forceFolder(folder);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, l.file.toString(), e.getMessage(), e);
        }
        return l;
    }

    private void read() throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            try {
                long v = Long.parseLong(line.substring(tab + 1).trim());
                high.merge(line.substring(0, tab), v, Math::max);
            } catch (NumberFormatException torn) {
                // a line cut short by a crash: the reservation never returned, so nothing printed carries it
            }
        }
    }

    private void compact() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(high).forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
        OwnerOnly.writeDurably(file, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The highest value ever reserved in {@code series}, 0 when none. */
    public synchronized long high(String series) {
        return high.getOrDefault(series, 0L);
    }

    /**
     * Reserves the next number of {@code series}: at least {@code candidate} (what the database's counter says) and
     * above every number reserved before. Returns only after the reservation is on the device.
     */
    public synchronized long reserve(String series, long candidate) {
        if (series.indexOf('\t') >= 0 || series.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("series: " + series);
        }
        long value = Math.max(candidate, high(series) + 1);
        append(series, value);
        return value;
    }

    private void append(String series, long value) {
        byte[] line = (series + '\t' + value + '\n').getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, file.toString(), e.getMessage(), e);
        }
        high.put(series, value);
    }

    /**
     * Like {@link #reserve} for numbers used on every commit (outbox sequence): reserves a block ahead and writes
     * only when a value passes the block, so a commit rarely pays for the ledger. After a restart the values start
     * above the whole block reserved before, so a lost database tail leaves a gap, never a repeat.
     */
    public synchronized long reserveInBlocks(String series, long candidate, int block) {
        long value = Math.max(candidate, highAtOpen.getOrDefault(series, 0L) + 1);
        if (value > high(series)) {
            append(series, value + block - 1);
        }
        return value;
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing to keep: every reservation was forced when made
        }
    }
}
