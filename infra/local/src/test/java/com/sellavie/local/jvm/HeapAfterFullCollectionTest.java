package com.sellavie.local.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a full collection does to a service's heap with the production settings ({@code infra/jvm/service.jvmopts}).
 * The serial collector grows the old generation on promotion and resizes it only at a full collection; with the
 * JVM's defaults that collection keeps 40-70 % of it free, shrinks in steps (not at all the first time) and sizes
 * the young generation from the old one, so the heap a service ends with depends on what it once held. Each case
 * runs {@link FullCollectionProbe} in a JVM of its own with the options under test.
 */
class HeapAfterFullCollectionTest {

    /** Surefire runs in infra/local. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final long MB = 1 << 20;
    /** The flags that size the heap after a full collection (the rest of the definition is kept in both cases). */
    private static final Set<String> SIZING = Set.of("-XX:MaxNewSize=", "-XX:MinHeapFreeRatio=", "-XX:MaxHeapFreeRatio=",
            "-XX:-ShrinkHeapInSteps");

    @Test
    void aFullCollectionShrinksTheHeapToWhatItHoldsAndKeepsTheYoungGenerationSmall() throws Exception {
        Heap heap = probe(ServiceJvmDefinition.of(REPOSITORY).options());

        assertThat(heap.kept()).isEqualTo(30);
        // 30 MB live after 80: at most 40 % of the old generation free, at least 20 %
        assertThat(heap.oldCommitted()).isLessThanOrEqualTo((long) (heap.oldUsed() / 0.6) + MB)
                .isGreaterThanOrEqualTo((long) (heap.oldUsed() / 0.8) - MB);
        assertThat(heap.youngCommitted()).isLessThanOrEqualTo(24 * MB);
    }

    @Test
    void theJvmsDefaultsWouldKeepTheHeapOfWhatItOnceHeld() throws Exception {
        // Why the definition sets them: without, the same run keeps the old generation sized for the 80 MB.
        List<String> production = ServiceJvmDefinition.of(REPOSITORY).options();
        List<String> defaults = production.stream().filter(option -> SIZING.stream().noneMatch(option::startsWith)).toList();
        assertThat(defaults).as("each sizing flag is in the definition").hasSize(production.size() - SIZING.size());

        Heap heap = probe(defaults);

        assertThat(heap.kept()).isEqualTo(30);
        assertThat(heap.oldCommitted()).isGreaterThan(80 * MB);
        assertThat(heap.youngCommitted()).isGreaterThan(24 * MB);
    }

    private record Heap(int kept, long oldUsed, long oldCommitted, long youngCommitted) {
    }

    private static Heap probe(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FullCollectionProbe.class.getName());
        Path report = Files.createTempFile("heap-after-full-collection", ".txt");
        command.add(report.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the probe ended within 60 s; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String written = Files.readString(report);
        Files.delete(report);
        Matcher line = Pattern.compile("kept=(\\d+) old-used=(\\d+) old-committed=(\\d+) young-committed=(\\d+)")
                .matcher(written);
        assertThat(line.find()).as("the probe's report: %s; its output:%n%s", written, output).isTrue();
        return new Heap(Integer.parseInt(line.group(1)), Long.parseLong(line.group(2)), Long.parseLong(line.group(3)),
                Long.parseLong(line.group(4)));
    }
}
