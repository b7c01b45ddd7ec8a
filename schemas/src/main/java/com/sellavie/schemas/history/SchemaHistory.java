package com.sellavie.schemas.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released versions of each event's schema: {@code <dir>/<RecordName>/v1.avsc, v2.avsc, ...}, each
 * the generated class's {@code SCHEMA$} as it was released (with its {@code avro.java.string} markers,
 * i.e. exactly what the registrar registered).
 */
public final class SchemaHistory {

    /** Where the history lives, relative to the schemas module. */
    public static final Path MODULE_DIR = Path.of("src", "main", "avro-history");

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path dir;

    public SchemaHistory(Path dir) {
        this.dir = dir;
    }

    /** Released versions of {@code recordName}, oldest first; empty when it has no history folder. */
    public List<Schema> versionsOf(String recordName) {
        return versionFiles(recordName).stream().map(SchemaHistory::parse).toList();
    }

    /** The version files, oldest first. Fails on a gap (v1, v3): a released version must never be deleted. */
    public List<Path> versionFiles(String recordName) {
        Path folder = dir.resolve(recordName);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(p -> VERSION_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < files.size(); i++) {
            if (number(files.get(i)) != i + 1) {
                throw new IllegalStateException(folder + " skips v" + (i + 1) + ": released versions are never removed");
            }
        }
        return files;
    }

    /**
     * Records {@code current} as the next version of its record unless it equals the latest one.
     *
     * @return the file written, or empty when the latest version already is {@code current}
     */
    public Optional<Path> snapshot(Schema current) {
        List<Schema> versions = versionsOf(current.getName());
        if (!versions.isEmpty() && sameContent(versions.getLast(), current)) {
            return Optional.empty();
        }
        Path file = dir.resolve(current.getName()).resolve("v" + (versions.size() + 1) + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(file);
    }

    /** Same content as the registry sees it: docs, defaults and properties count, formatting does not. */
    public static boolean sameContent(Schema a, Schema b) {
        return a.toString().equals(b.toString());
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static int number(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Integer.parseInt(matcher.group(1));
    }
}
