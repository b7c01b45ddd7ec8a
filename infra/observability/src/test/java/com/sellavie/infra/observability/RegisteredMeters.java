package com.sellavie.infra.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the services' main code registers, read from the sources: a meter name
 * (a literal, or a String constant of the same class or {@code Class.CONSTANT}) given to {@code Counter.builder},
 * {@code FunctionCounter.builder}, {@code Timer.builder}, {@code Gauge.builder} or a registry's
 * {@code counter}/{@code timer}/{@code gauge}. Micrometer's Prometheus naming: dots (and dashes) to
 * underscores; counters end in {@code _total}; timers in seconds give {@code _seconds_count|sum|max|bucket};
 * a gauge's base unit is appended ({@code _bytes}).
 */
final class RegisteredMeters {

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REGISTRATION = Pattern.compile(
            "\\b(Counter|FunctionCounter|Timer|Gauge)\\.builder\\(\\s*([\\w.]+|\"[^\"]+\")\\s*[,)]"
                    + "|\\.(counter|timer|gauge)\\(\\s*([\\w.]+|\"[^\"]+\")\\s*[,)]");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"(\\w+)\"\\)");

    private final Set<String> prometheusNames = new TreeSet<>();

    private RegisteredMeters() {
    }

    static RegisteredMeters scan(Path root) {
        RegisteredMeters meters = new RegisteredMeters();
        Map<Path, String> sources = new HashMap<>();
        Map<String, String> constants = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/node_modules/") && !p.toString().contains("/target/"))
                    .forEach(p -> sources.put(p, read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sources.forEach((file, text) -> {
            Matcher m = CONSTANT.matcher(text);
            while (m.find()) {
                constants.put(className(file) + "." + m.group(1), m.group(2));
            }
        });
        sources.forEach((file, text) -> {
            Matcher m = REGISTRATION.matcher(text);
            while (m.find()) {
                String kind = m.group(1) != null ? m.group(1) : m.group(3);
                String argument = m.group(2) != null ? m.group(2) : m.group(4);
                String name = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
                        : constants.get(argument.contains(".") ? argument : className(file) + "." + argument);
                if (name == null || !name.startsWith("sellavie.")) {
                    continue;
                }
                meters.add(kind, name, m.group(1) != null ? baseUnit(text, m.end()) : null);
            }
        });
        return meters;
    }

    Set<String> prometheusNames() {
        return prometheusNames;
    }

    private void add(String kind, String meterName, String baseUnit) {
        String base = meterName.replaceAll("[^a-zA-Z0-9_:]", "_");
        switch (kind.toLowerCase()) {
            case "counter", "functioncounter" -> prometheusNames.add(base + "_total");
            case "timer" -> Stream.of("count", "sum", "max", "bucket")
                    .forEach(suffix -> prometheusNames.add(base + "_seconds_" + suffix));
            default -> prometheusNames.add(baseUnit == null ? base : base + "_" + baseUnit);
        }
    }

    /** The base unit set in the same builder chain (before its register call). */
    private static String baseUnit(String text, int from) {
        int end = text.indexOf(".register(", from);
        if (end < 0) {
            return null;
        }
        Matcher unit = BASE_UNIT.matcher(text.substring(from, end));
        return unit.find() ? unit.group(1) : null;
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
