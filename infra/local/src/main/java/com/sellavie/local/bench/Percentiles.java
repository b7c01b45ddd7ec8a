package com.sellavie.local.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of millisecond durations; -1 for an empty set. */
record Percentiles(int count, long p50, long p90, long p99, long max) {

    static Percentiles of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, -1, -1, -1, -1);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    static String millis(long value) {
        if (value < 0) {
            return "–";
        }
        return value >= 10_000 ? "%.1f s".formatted(value / 1000.0) : value + " ms";
    }

    @Override
    public String toString() {
        return Arrays.toString(new long[] {count, p50, p90, p99, max});
    }
}
