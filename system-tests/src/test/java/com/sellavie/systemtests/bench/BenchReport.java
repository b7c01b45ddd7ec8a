package com.sellavie.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** A benchmark's markdown report: each line logged as it is written, the whole kept for the report file. */
final class BenchReport {

    private final Logger log;
    private final Path file;
    private final List<String> lines = new ArrayList<>();

    BenchReport(Logger log, Path file) {
        this.log = log;
        this.file = file;
    }

    void line(String text) {
        lines.add(text);
        log.info(text);
    }

    void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        log.info("Report written to {}", file.toAbsolutePath());
    }
}
