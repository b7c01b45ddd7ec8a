package com.sellavie.local.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Spring AOT mode for the services whose jar was built with it ({@code process-aot}: their bean definitions
 * generated at build time, not worked out from configuration classes at every start). {@code SELLAVIE_SPRING_AOT=off}
 * starts them reflection-based, as the tests do; a jar built without it (the gateway) always is.
 */
public final class SpringAot {

    /** The JVM option that makes Spring Boot use the generated initializer. */
    public static final String ENABLED = "-Dspring.aot.enabled=true";

    /** Spring AOT's generated entry point, next to the application class in {@code BOOT-INF/classes}. */
    private static final String INITIALIZER_SUFFIX = "__ApplicationContextInitializer.class";

    private SpringAot() {
    }

    /** {@code SELLAVIE_SPRING_AOT}: unset or {@code on} uses it where the jar has it, {@code off} never. */
    public static boolean wanted(String setting) {
        if (setting == null || setting.isBlank()) {
            return true;
        }
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("SELLAVIE_SPRING_AOT must be on or off (or unset), not '"
                    + setting + "'");
        };
    }

    /** Whether the executable jar holds Spring AOT's generated classes. */
    public static boolean processed(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/classes/")
                    && entry.getName().endsWith(INITIALIZER_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
