package org.ybdesk.bench;

import static org.ybdesk.db.jooq.Tables.AGENCY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.ybdesk.db.AuditLog;
import org.ybdesk.db.Database;
import org.ybdesk.db.Outbox;

/**
 * The durable commit and the file over a working day. {@code ./bench.sh storage [--commits N] [--minutes M]
 * [--data-dir DIR]}:
 * <ol>
 *   <li>commit latency: N write transactions of the change log's shape (a row updated, its audit record, its outbox
 *   message), each forced to the device before it returns — p50/p95/p99/max;</li>
 *   <li>growth: a folder that starts the day compacted, then commits at a steady pace (default 2 a second, about
 *   eight times a busy window's rate) for M minutes with the desk's own housekeeping running; the largest file size
 *   against the size after a compacting close (the live data).</li>
 * </ol>
 */
public final class StorageBench {
    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int commits = intArg(args, "--commits", 3000);
        double minutes = Double.parseDouble(arg(args, "--minutes", "6"));
        int perSecond = intArg(args, "--per-second", 2);
        Path dir = Path.of(arg(args, "--data-dir", Files.createTempDirectory("ybdesk-storage-bench").toString()));
        Path folder = dir.resolve("prod");
        OffsetDateTime t0 = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        String payload = "{\"caseNo\":\"2301020012026110200001\",\"fields\":{\"name\":\"张三\",\"address\":\""
                + "黑龙江省哈尔滨市道里区".repeat(8) + "\"}}";
        try (Database db = Database.open(folder)) {
            db.write(tx -> tx.insertInto(AGENCY).set(AGENCY.CODE, "230102001").set(AGENCY.ADMIN_DIVISION_CODE,
                    "230102").set(AGENCY.NAME, "bench").set(AGENCY.SIGNATURE, "bench").set(AGENCY.CREATED_AT, t0)
                    .execute());
            // 1. latency of the durable commit
            long[] nanos = new long[commits];
            for (int i = 0; i < commits; i++) {
                int n = i;
                long s = System.nanoTime();
                change(db, t0.plusSeconds(n), n, payload);
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            System.out.printf("durable commit (row + audit + outbox, CHECKPOINT SYNC): n=%d p50=%.2f ms p95=%.2f ms "
                            + "p99=%.2f ms max=%.2f ms%n", commits, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[commits - 1] / 1e6);
        }
        // 2. the file through a working day: a folder that starts the day compacted (as after the nightly close),
        //    then commits at a steady pace with the desk's housekeeping running
        Path day = dir.resolve("day");
        try (Database db = Database.open(day)) {
            db.write(tx -> tx.insertInto(AGENCY).set(AGENCY.CODE, "230102001").set(AGENCY.ADMIN_DIVISION_CODE,
                    "230102").set(AGENCY.NAME, "bench").set(AGENCY.SIGNATURE, "bench").set(AGENCY.CREATED_AT, t0)
                    .execute());
            for (int i = 0; i < commits; i++) {
                change(db, t0.plusSeconds(i), i, payload);
            }
        }
        Database.compactClosed(day);
        long morning = Files.size(day.resolve(Database.FILE));
        System.out.printf("growth: start of day %.1f MB (compacted, %d changes); %d commits/s for %.1f min%n",
                mb(morning), commits, perSecond, minutes);
        long maxSize = morning;
        int n = commits;
        try (Database db = Database.open(day)) {
            long end = System.nanoTime() + (long) (minutes * 60e9);
            long nextReport = System.nanoTime();
            while (System.nanoTime() < end) {
                long tick = System.nanoTime();
                for (int k = 0; k < perSecond; k++) {
                    change(db, t0.plusSeconds(n), n++, payload);
                }
                long size = db.figures().fileBytes();
                maxSize = Math.max(maxSize, size);
                if (System.nanoTime() >= nextReport) {
                    var f = db.figures();
                    System.out.printf("  after %6d changes: file %.1f MB, fill rate %d%%, chunks fill rate %d%%%n",
                            n, mb(f.fileBytes()), f.fillRate(), f.chunksFillRate());
                    nextReport += 60_000_000_000L;
                }
                long sleep = 1_000_000_000L - (System.nanoTime() - tick);
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000);
                }
            }
        }
        long open = Files.size(day.resolve(Database.FILE));
        Database.compactClosed(day);
        long compacted = Files.size(day.resolve(Database.FILE));
        System.out.printf("end of day: %d changes; largest %.1f MB, at close %.1f MB, compacted %.1f MB; "
                + "largest / compacted = %.2f%n", n, mb(maxSize), mb(open), mb(compacted), (double) maxSize / compacted);
    }

    private static void change(Database db, OffsetDateTime at, int n, String payload) {
        db.write(tx -> {
            tx.update(AGENCY).set(AGENCY.HOTLINE, Integer.toString(n)).execute();
            AuditLog.append(tx, new AuditLog.Who(1L, "bench"), at, "CASE_REVIEW", "CASE", "c" + n, payload, payload);
            Outbox.enqueue(tx, db.numbers(), "CASE_TRANSITION", "CASE", "c" + n, payload, at, null,
                    new Outbox.Actor(1L, "bench", "bench"));
            return null;
        });
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }

    private static int intArg(String[] args, String name, int def) {
        return Integer.parseInt(arg(args, name, Integer.toString(def)));
    }
}
