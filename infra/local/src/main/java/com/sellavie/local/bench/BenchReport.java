package com.sellavie.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The run's markdown summary: printed line by line as it is written, then saved to a file. */
final class BenchReport {

    static final String SUMMARY_HEADER = "| stretch | DMs | replied | lost | duplicated | webhook errors"
            + " | DM → Send p50 | p90 | p99 | max | webhook ack p50 | ack p99 |";
    private final List<String> lines = new ArrayList<>();
    private final Consumer<String> out;

    BenchReport(Consumer<String> out) {
        this.out = out;
    }

    void line(String text) {
        lines.add(text);
        out.accept(text);
    }

    void blank() {
        line("");
    }

    void summaryHeader() {
        line(SUMMARY_HEADER);
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    /** One row of the summary table. */
    void summaryRow(String stretch, Accounting a) {
        line(row(stretch, a));
    }

    static String row(String stretch, Accounting a) {
        return "| %s | %d | %d | %s | %s | %d | %s | %s | %s | %s | %s | %s |".formatted(stretch, a.dms(), a.replied(),
                bold(a.lost()), bold(a.duplicated()), a.webhookErrors(), Percentiles.millis(a.latency().p50()),
                Percentiles.millis(a.latency().p90()), Percentiles.millis(a.latency().p99()),
                Percentiles.millis(a.latency().max()), Percentiles.millis(a.ack().p50()),
                Percentiles.millis(a.ack().p99()));
    }

    private static String bold(int count) {
        return count == 0 ? "0" : "**" + count + "**";
    }

    void hops(HopBreakdown.Hops hops) {
        line("| hop (ms) | n | p50 | p90 | p99 | max |");
        line("|---|---:|---:|---:|---:|---:|");
        hops.millis().forEach((hop, values) -> {
            Percentiles p = Percentiles.of(values);
            line("| %s | %d | %d | %d | %d | %d |".formatted(hop, p.count(), p.p50(), p.p90(), p.p99(), p.max()));
        });
        line("");
        line("DMs with more than one InboundMessageReceived: %d; DMs with none on Kafka: %d".formatted(
                hops.duplicateInbound(), hops.withoutInbound()));
    }

    void windows(Map<Long, Accounting> windows, long windowSeconds) {
        line("| due in | DMs | replied | lost | DM → Send p50 | p99 | webhook ack p99 |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        windows.forEach((window, a) -> line("| %d–%d s | %d | %d | %d | %s | %s | %s |".formatted(
                window * windowSeconds, (window + 1) * windowSeconds, a.dms(), a.replied(), a.lost(),
                Percentiles.millis(a.latency().p50()), Percentiles.millis(a.latency().p99()),
                Percentiles.millis(a.ack().p99()))));
    }

    void memory(Map<String, Long> rssMb) {
        line("| process | RSS |");
        line("|---|---:|");
        rssMb.forEach((name, mb) -> line("| %s | %d MB |".formatted(name, mb)));
        line("| **total** | **%d MB** |".formatted(rssMb.values().stream().mapToLong(Long::longValue).sum()));
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
