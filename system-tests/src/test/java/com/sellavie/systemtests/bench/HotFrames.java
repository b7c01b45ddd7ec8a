package com.sellavie.systemtests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flame graph's top findings in table form, from one JFR recording's execution samples
 * ({@code jdk.ExecutionSample}: threads running Java code, sampled every 10-20 ms): the methods on top
 * of the stack (self), the packages they belong to, and the frames most often anywhere on the stack
 * (inclusive), as shares of all samples.
 */
final class HotFrames {

    /** Library and project frames worth naming inclusively (thread and executor plumbing is not). */
    private static final List<String> INCLUSIVE_PREFIXES = List.of("com.sellavie.", "io.apicurio.", "org.apache.avro.",
            "org.postgresql.", "io.debezium.", "ch.qos.logback.", "com.zaxxer.", "org.springframework.jdbc.",
            "org.springframework.kafka.listener.", "org.springframework.transaction.", "org.apache.kafka.clients.",
            "tools.jackson.", "com.fasterxml.jackson.", "io.micrometer.", "io.opentelemetry.", "org.eclipse.jetty.",
            "org.springframework.web.", "org.springframework.security.", "org.springframework.cloud.gateway.",
            "reactor.netty.", "io.netty.", "com.google.crypto.tink.", "javax.crypto.", "sun.security.");

    private final long samples;
    private final Map<String, Long> self;
    private final Map<String, Long> packages;
    private final Map<String, Long> inclusive;

    private HotFrames(long samples, Map<String, Long> self, Map<String, Long> packages, Map<String, Long> inclusive) {
        this.samples = samples;
        this.self = self;
        this.packages = packages;
        this.inclusive = inclusive;
    }

    /** The execution samples of {@code recording} taken from {@code from} (inclusive) to {@code to}. */
    static HotFrames read(Path recording, Instant from, Instant to) throws IOException {
        long samples = 0;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStartTime().isBefore(from) || !event.getStartTime().isBefore(to)) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                RecordedMethod top = frames.getFirst().getMethod();
                self.merge(name(top), 1L, Long::sum);
                packages.merge(packageOf(top), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame.getMethod());
                    if (INCLUSIVE_PREFIXES.stream().anyMatch(name::startsWith) && seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            }
        }
        return new HotFrames(samples, self, packages, inclusive);
    }

    long samples() {
        return samples;
    }

    /** Table rows "| rank | what | share |" of the {@code limit} biggest entries of each view. */
    List<String> rows(String service, int limit) {
        List<String> rows = new ArrayList<>();
        top(self, limit).forEach(e -> rows.add(row(service, "self", e)));
        top(packages, limit).forEach(e -> rows.add(row(service, "self by package", e)));
        top(inclusive, limit).forEach(e -> rows.add(row(service, "inclusive", e)));
        return rows;
    }

    private String row(String service, String view, Map.Entry<String, Long> entry) {
        return "| %s | %s | `%s` | %.1f %% |".formatted(service, view, entry.getKey(), 100.0 * entry.getValue() / samples);
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .toList();
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** The first three segments of the class's package: a library, roughly. */
    private static String packageOf(RecordedMethod method) {
        String type = method.getType().getName();
        String[] parts = type.split("\\.");
        int segments = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", java.util.Arrays.copyOf(parts, segments));
    }
}
