package com.sellavie.systemtests.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) of durations in microseconds, shown in milliseconds with two decimals. */
record MicroStats(int count, long p50, long p90, long p99, long max, double mean) {

    static MicroStats of(Collection<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new MicroStats(0, -1, -1, -1, -1, Double.NaN);
        }
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        return new MicroStats(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted.getLast(),
                mean);
    }

    private static long rank(List<Long> sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }

    /** {@code n | p50 | p90 | p99 | max | mean} as markdown cells, in ms. */
    String cells() {
        return "%d | %.2f | %.2f | %.2f | %.2f | %.2f".formatted(count, p50 / 1000.0, p90 / 1000.0, p99 / 1000.0,
                max / 1000.0, mean / 1000.0);
    }
}
