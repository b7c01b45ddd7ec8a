package com.sellavie.local.jvm;

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
 * The production JVM settings of every service, read from {@code infra/jvm/}: {@code service.jvmopts} (a java
 * {@code @argfile}: flags separated by white space, {@code #} to the end of a line is a comment) and
 * {@code service.env} ({@code NAME=value} lines). The image reads the same files, so local and production agree.
 */
public record ServiceJvmDefinition(List<String> options, Map<String, String> environment) {

    public static final String FOLDER = "infra/jvm";

    public ServiceJvmDefinition {
        options = List.copyOf(options);
        environment = Map.copyOf(environment);
    }

    /** Reads {@code infra/jvm/} of the given repository. */
    public static ServiceJvmDefinition of(Path repositoryRoot) {
        Path folder = repositoryRoot.resolve(FOLDER);
        return new ServiceJvmDefinition(options(read(folder.resolve("service.jvmopts"))),
                environment(read(folder.resolve("service.env"))));
    }

    /** These settings followed by {@code extra} flags (white-space separated), which win where they overlap. */
    public ServiceJvmDefinition plus(String extra) {
        if (extra == null || extra.isBlank()) {
            return this;
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(Arrays.asList(extra.strip().split("\\s+")));
        return new ServiceJvmDefinition(all, environment);
    }

    static List<String> options(List<String> lines) {
        List<String> options = new ArrayList<>();
        for (String line : lines) {
            String flags = withoutComment(line).strip();
            if (!flags.isEmpty()) {
                options.addAll(Arrays.asList(flags.split("\\s+")));
            }
        }
        return options;
    }

    static Map<String, String> environment(List<String> lines) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : lines) {
            String entry = withoutComment(line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Not NAME=value in service.env: " + entry);
            }
            environment.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return environment;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file + ": the services' JVM settings live there", e);
        }
    }
}
