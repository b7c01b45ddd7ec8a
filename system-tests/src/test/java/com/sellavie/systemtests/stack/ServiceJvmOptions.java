package com.sellavie.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service JVMs' flags: {@code -Dsellavie.stack.jvm-options} as given, or, when it says {@value #PRODUCTION},
 * production's own definition ({@code infra/jvm/service.jvmopts} and {@code service.env}, which {@code ./sellavie up}
 * and the image read too), so a benchmark measures what production runs.
 */
record ServiceJvmOptions(List<String> options, Map<String, String> environment) {

    static final String PRODUCTION = "production";

    static ServiceJvmOptions resolve(String configured, Path projectDirectory) {
        if (!PRODUCTION.equals(configured.strip())) {
            return new ServiceJvmOptions(List.of(configured.strip().split("\\s+")), Map.of());
        }
        Path folder = projectDirectory.resolve("infra/jvm");
        List<String> options = new ArrayList<>();
        for (String line : uncommented(folder.resolve("service.jvmopts"))) {
            options.addAll(Arrays.asList(line.split("\\s+")));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : uncommented(folder.resolve("service.env"))) {
            environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return new ServiceJvmOptions(List.copyOf(options), Map.copyOf(environment));
    }

    private static List<String> uncommented(Path file) {
        try {
            return Files.readAllLines(file).stream().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file + " (production's JVM settings)", e);
        }
    }
}
