package com.sellavie.local.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts and latencies of a set of DMs: lost = no send by the end of the drain, duplicated = more than one
 * send, latency = due time to the first send's receipt, webhook ack = due time to the webhook's answer.
 */
record Accounting(int dms, int acknowledged, int webhookErrors, int replied, int lost, int duplicated,
        Percentiles latency, Percentiles ack) {

    static Accounting of(Collection<Outcome> outcomes) {
        List<Long> latencies = new ArrayList<>();
        List<Long> acks = new ArrayList<>();
        int acknowledged = 0, replied = 0, duplicated = 0;
        for (Outcome o : outcomes) {
            if (o.acknowledged()) {
                acknowledged++;
                acks.add(o.ackMillis());
            }
            if (o.replied()) {
                replied++;
                latencies.add(o.latencyMillis());
            }
            if (o.duplicated()) {
                duplicated++;
            }
        }
        return new Accounting(outcomes.size(), acknowledged, outcomes.size() - acknowledged, replied,
                outcomes.size() - replied, duplicated, Percentiles.of(latencies), Percentiles.of(acks));
    }

    /** Whether a rate passes {@code --find-max}: every DM answered once and p99 within the bound. */
    boolean keeps(long p99Millis) {
        return dms > 0 && lost == 0 && duplicated == 0 && latency.p99() <= p99Millis;
    }

    /**
     * The webhook answers other than 200, by status ("no answer" for none within the poster's timeout or a refused
     * connection), in status order: what the run's webhook errors were.
     */
    static Map<String, Long> refusals(Collection<Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.acknowledged()).collect(Collectors.groupingBy(
                o -> o.ackStatus() < 0 ? "no answer" : String.valueOf(o.ackStatus()), TreeMap::new,
                Collectors.counting()));
    }

    /** The DMs by the window of their due time ({@code windowMillis} wide, from {@code startNanos}). */
    static Map<Long, Accounting> byWindow(List<Outcome> outcomes, long startNanos, long windowMillis) {
        Map<Long, List<Outcome>> windows = outcomes.stream().collect(Collectors.groupingBy(
                o -> (o.dueNanos() - startNanos) / 1_000_000 / windowMillis, TreeMap::new, Collectors.toList()));
        return mapValues(windows, Accounting::of);
    }

    /** The DMs due in the first {@code millis} after {@code startNanos}. */
    static Accounting firstStretch(List<Outcome> outcomes, long startNanos, long millis) {
        return of(outcomes.stream().filter(o -> o.dueNanos() - startNanos < millis * 1_000_000).toList());
    }

    static Map<String, Accounting> byChannel(List<Outcome> outcomes) {
        return mapValues(outcomes.stream().collect(Collectors.groupingBy(Outcome::channelType, TreeMap::new,
                Collectors.toList())), Accounting::of);
    }

    private static <K, V> Map<K, Accounting> mapValues(Map<K, V> map, Function<V, Accounting> f) {
        Map<K, Accounting> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(k, f.apply(v)));
        return result;
    }
}
