package org.ybdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Latencies of one operation: wall-clock time and the calling thread's CPU time per sample (nanoseconds), with
 * nearest-rank percentiles in milliseconds. On a busy machine the wall time includes waiting for a processor; the CPU
 * time does not (H2 is embedded and works in the calling thread, so it covers the database work too).
 */
final class Samples {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long[] wall = new long[64];
    private long[] cpu = new long[64];
    private int n;

    /** The current thread's CPU time in ns (0 where the JVM cannot tell). */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    void add(long wallNs, long cpuNs) {
        if (n == wall.length) {
            wall = Arrays.copyOf(wall, n * 2);
            cpu = Arrays.copyOf(cpu, n * 2);
        }
        wall[n] = wallNs;
        cpu[n] = cpuNs;
        n++;
    }

    int count() {
        return n;
    }

    /** The p-th percentile (0 &lt; p &lt;= 100) of the wall time by nearest rank, in ms. */
    double percentileMs(double p) {
        return percentile(wall, p);
    }

    /** The p-th percentile of the CPU time, in ms. */
    double cpuPercentileMs(double p) {
        return percentile(cpu, p);
    }

    double maxMs() {
        return percentileMs(100);
    }

    private double percentile(long[] values, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    Samples merge(Samples other) {
        Samples s = new Samples();
        for (int i = 0; i < n; i++) {
            s.add(wall[i], cpu[i]);
        }
        for (int i = 0; i < other.n; i++) {
            s.add(other.wall[i], other.cpu[i]);
        }
        return s;
    }
}
