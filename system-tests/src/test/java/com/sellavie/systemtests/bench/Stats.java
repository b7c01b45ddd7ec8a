package com.sellavie.systemtests.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) of a set of millisecond durations. */
public record Stats(int count, long p50, long p95, long p99, long max, double mean) {

    public static Stats of(Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Stats(0, -1, -1, -1, -1, Double.NaN);
        }
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        return new Stats(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.getLast(), mean);
    }

    private static long rank(List<Long> sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }

    /** One markdown table row: {@code | label | n | p50 | p95 | p99 | max | mean |}. */
    public String row(String label) {
        return "| %s | %d | %d | %d | %d | %d | %.0f |".formatted(label, count, p50, p95, p99, max, mean);
    }
}
