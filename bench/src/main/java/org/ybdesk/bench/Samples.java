package org.ybdesk.bench;

import java.util.Arrays;

/** Latencies of one operation, in nanoseconds, with nearest-rank percentiles in milliseconds. */
final class Samples {
    private long[] nanos = new long[64];
    private int n;

    void add(long ns) {
        if (n == nanos.length) {
            nanos = Arrays.copyOf(nanos, n * 2);
        }
        nanos[n++] = ns;
    }

    int count() {
        return n;
    }

    /** The p-th percentile (0 &lt; p &lt;= 100) by nearest rank, in ms. */
    double percentileMs(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }

    Samples merge(Samples other) {
        Samples s = new Samples();
        for (int i = 0; i < n; i++) {
            s.add(nanos[i]);
        }
        for (int i = 0; i < other.n; i++) {
            s.add(other.nanos[i]);
        }
        return s;
    }
}
