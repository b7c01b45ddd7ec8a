package com.sellavie.systemtests.chaos;

import com.sellavie.systemtests.bench.BenchShop;
import com.sellavie.systemtests.bench.Stats;
import com.sellavie.systemtests.chaos.ChaosSuite.Phase;
import com.sellavie.systemtests.chaos.DmStream.Dm;
import com.sellavie.systemtests.stack.MetaGraphApi.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos table: for each fault, the DMs whose first POST fell in its phase (fault + drain), and what
 * became of them. Latency runs from the DM's scheduled POST time to Meta's receipt of the reply, so
 * webhook re-deliveries during an outage count as waiting. Time to recover: from the moment the
 * component was back until DMs posted from then on are answered within {@value #NORMAL_MILLIS} ms again.
 * A DM posted in the last seconds of a phase that was still unanswered when the next fault began
 * counts for that next fault.
 */
final class ReliabilityReport {

    private static final Logger log = LoggerFactory.getLogger(ReliabilityReport.class);
    static final long NORMAL_MILLIS = 1_000;
    /** The first minute after the stack started: reported, and checked for loss and duplicates, but not for latency. */
    static final String WARM_UP = "warm-up (first minute)";
    static final long RECOVERY_LIMIT_MILLIS = 30_000;
    static final long HANDOVER_MILLIS = 5_000;
    /** Longest pause between two deliveries of a refused webhook (DmStream, as Meta backs off). */
    static final long REDELIVERY_BACKOFF_MILLIS = 15_000;
    /** Faults during which an UNKNOWN outcome is legitimate: a kill in the middle of a send, or Meta not answering. */
    private static final Set<String> UNKNOWN_ALLOWED = Set.of("kill conversation", "Send API timing out");

    private final List<Row> rows;
    private final List<String> violations;

    private ReliabilityReport(List<Row> rows, List<String> violations) {
        this.rows = rows;
        this.violations = violations;
    }

    record Row(String fault, double faultSeconds, int sent, int unacknowledged, int replied, int duplicated, int unknown,
            int lost, int otherStatus, long deadLettered, Stats latency, Long recoveryMillis, Long othersP99) {
    }

    static ReliabilityReport of(List<Phase> phases, List<Dm> dms, List<Delivery> deliveries, Map<String, String> attention,
            BenchShop slowShop, List<String> harnessErrors) {
        Map<String, List<Long>> byCustomer = new HashMap<>();
        deliveries.forEach(d -> byCustomer.computeIfAbsent(d.recipientId(), c -> new ArrayList<>()).add(d.receivedAtMillis()));
        List<Row> rows = new ArrayList<>();
        List<String> violations = new ArrayList<>(harnessErrors);
        Map<Integer, List<Dm>> byPhase = new HashMap<>();
        for (Dm dm : dms) {
            int p = phaseOf(dm, phases, byCustomer);
            if (p >= 0) {
                byPhase.computeIfAbsent(p, i -> new ArrayList<>()).add(dm);
            }
        }
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            List<Dm> inPhase = byPhase.getOrDefault(p, List.of()).stream()
                    .sorted(Comparator.comparingLong(d -> d.scheduledAtMillis)).toList();
            Row row = row(phase, inPhase, byCustomer, attention, slowShop);
            rows.add(row);
            check(row, phase, violations);
        }
        long unacknowledged = dms.stream().filter(d -> !d.acknowledged()).count();
        if (unacknowledged > 0) {
            violations.add(unacknowledged + " DMs were never acknowledged 200 by the gateway");
        }
        return new ReliabilityReport(rows, violations);
    }

    /**
     * The phase a DM belongs to: the one it was posted in, except that a DM posted in the last
     * {@value #HANDOVER_MILLIS} ms of a phase and still unanswered when the next fault began is that
     * fault's (it met the next fault, not the tail of this one); -1 before the first phase.
     */
    private static int phaseOf(Dm dm, List<Phase> phases, Map<String, List<Long>> byCustomer) {
        for (int p = phases.size() - 1; p >= 0; p--) {
            if (dm.scheduledAtMillis < phases.get(p).start().toEpochMilli()) {
                continue;
            }
            if (p + 1 < phases.size() && dm.scheduledAtMillis >= phases.get(p).end().toEpochMilli() - HANDOVER_MILLIS) {
                long nextStart = phases.get(p + 1).start().toEpochMilli();
                long answered = byCustomer.getOrDefault(dm.customer, List.of()).stream().mapToLong(Long::longValue)
                        .min().orElse(Long.MAX_VALUE);
                if (answered > nextStart) {
                    return p + 1;
                }
            }
            return p;
        }
        return -1;
    }

    private static Row row(Phase phase, List<Dm> dms, Map<String, List<Long>> byCustomer, Map<String, String> attention,
            BenchShop slowShop) {
        int replied = 0;
        int duplicated = 0;
        int unknown = 0;
        int lost = 0;
        int other = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> othersDuringFault = new ArrayList<>();
        Map<Dm, Long> latencyOf = new HashMap<>();
        for (Dm dm : dms) {
            List<Long> arrivals = byCustomer.getOrDefault(dm.customer, List.of());
            String status = attention.get(dm.customer);
            if ("UNKNOWN".equals(status)) {
                unknown++;
            } else if (status != null) {
                other++;
            }
            if (arrivals.isEmpty()) {
                if (dm.acknowledged() && status == null) {
                    lost++;
                }
                continue;
            }
            replied++;
            if (arrivals.size() > 1) {
                duplicated++;
            }
            long latency = arrivals.stream().mapToLong(Long::longValue).min().orElseThrow() - dm.scheduledAtMillis;
            latencies.add(latency);
            latencyOf.put(dm, latency);
            if (dm.shop != slowShop && dm.scheduledAtMillis <= phase.back().toEpochMilli()) {
                othersDuringFault.add(latency);
            }
        }
        Long othersP99 = phase.name().contains("one shop") ? Stats.of(othersDuringFault).p99() : null;
        int unacknowledged = (int) dms.stream().filter(d -> !d.acknowledged()).count();
        return new Row(phase.name(), (phase.back().toEpochMilli() - phase.start().toEpochMilli()) / 1000.0,
                dms.size() - unacknowledged, unacknowledged, replied, duplicated, unknown, lost, other,
                phase.deadLettered(), Stats.of(latencies), recovery(phase, dms, latencyOf, slowShop), othersP99);
    }

    /** Milliseconds from the component's return until every later DM of the phase was answered normally; null if never. */
    private static Long recovery(Phase phase, List<Dm> dms, Map<Dm, Long> latencyOf, BenchShop slowShop) {
        long back = phase.back().toEpochMilli();
        List<Dm> after = dms.stream().filter(d -> d.scheduledAtMillis >= phase.start().toEpochMilli()).toList();
        Long recoveredAt = null;
        for (int i = after.size() - 1; i >= 0; i--) {
            Dm dm = after.get(i);
            Long latency = latencyOf.get(dm);
            boolean slowByDesign = phase.name().contains("one shop") && dm.shop == slowShop
                    && dm.scheduledAtMillis < back;
            if (!slowByDesign && (latency == null || latency > NORMAL_MILLIS)) {
                break;
            }
            recoveredAt = dm.scheduledAtMillis;
        }
        return recoveredAt == null ? null : Math.max(0, recoveredAt - back);
    }

    private static void check(Row row, Phase phase, List<String> violations) {
        String fault = row.fault();
        if (row.duplicated() > 0) {
            violations.add(fault + ": " + row.duplicated() + " DMs answered more than once");
        }
        if (row.lost() > 0) {
            violations.add(fault + ": " + row.lost() + " acknowledged DMs got no reply and are not shown as UNKNOWN");
        }
        if (row.otherStatus() > 0) {
            violations.add(fault + ": " + row.otherStatus() + " replies FAILED or EXPIRED");
        }
        if (row.unknown() > 0 && !UNKNOWN_ALLOWED.contains(fault)) {
            violations.add(fault + ": " + row.unknown() + " UNKNOWN sends where no send could be interrupted");
        }
        if (row.deadLettered() > 0) {
            violations.add(fault + ": " + row.deadLettered() + " records dead-lettered");
        }
        if (!fault.equals(WARM_UP) && (row.recoveryMillis() == null || row.recoveryMillis() > RECOVERY_LIMIT_MILLIS)) {
            violations.add(fault + ": latency did not return to normal within 30 s of the component's return ("
                    + (row.recoveryMillis() == null ? "never" : row.recoveryMillis() + " ms") + ")");
        }
        long waitBound = (long) (row.faultSeconds() * 1000) + RECOVERY_LIMIT_MILLIS + REDELIVERY_BACKOFF_MILLIS;
        if (!fault.equals(WARM_UP) && row.latency().max() > waitBound) {
            violations.add(fault + ": a DM waited " + row.latency().max() / 1000.0 + " s, longer than the fault ("
                    + row.faultSeconds() + " s) + 30 s + one webhook re-delivery pause (15 s)");
        }
        if (row.othersP99() != null && row.othersP99() > NORMAL_MILLIS) {
            violations.add(fault + ": the other shops' p99 was " + row.othersP99() + " ms (> 1 s)");
        }
    }

    boolean passed() {
        return violations.isEmpty();
    }

    void write(Path file, Instant started, int rate, int shops, DmStream stream) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Chaos suite — run of " + started);
        lines.add("");
        lines.add("%d signed DMs/s across %d shops, %d DMs in all, %d webhook deliveries refused or failed and retried"
                .formatted(rate, shops, stream.started(), stream.failedAttempts()));
        lines.add("");
        lines.add("| fault | fault lasted | DMs sent (200) | replied | duplicated | UNKNOWN | lost | dead-lettered | p50 | p99 | max wait | time to recover |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            lines.add("| %s | %.0f s | %d | %d | %d | %d | %d | %d | %d ms | %d ms | %.1f s | %s |".formatted(row.fault(),
                    row.faultSeconds(), row.sent(), row.replied(), row.duplicated(), row.unknown(), row.lost(),
                    row.deadLettered(), row.latency().p50(), row.latency().p99(), row.latency().max() / 1000.0,
                    row.recoveryMillis() == null ? "not recovered" : "%.1f s".formatted(row.recoveryMillis() / 1000.0)));
        }
        rows.stream().filter(r -> r.othersP99() != null).forEach(r -> lines.add("\n%s: the other shops' p99 during the fault was %d ms."
                .formatted(r.fault(), r.othersP99())));
        lines.add("");
        lines.add(violations.isEmpty() ? "Verdict: passed (nothing lost, nothing sent twice, no dead letter, every fault recovered within 30 s)."
                : "Verdict: FAILED");
        violations.forEach(v -> lines.add("- " + v));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        lines.forEach(log::info);
        log.info("Chaos report written to {}", file.toAbsolutePath());
    }
}
