package com.sellavie.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A console build as Vite lays it out (index.html, hashed assets/, an unhashed public file), under target/. */
final class TestConsole {

    static final String INDEX_HTML = "<!doctype html><html><head>"
            + "<script type=\"module\" src=\"/assets/index-3f9a1c2b.js\"></script></head>"
            + "<body><div id=\"root\">sellavie-console</div></body></html>";
    static final String SCRIPT_PATH = "/assets/index-3f9a1c2b.js";
    static final String SCRIPT = "console.log('sellavie');";

    private TestConsole() {
    }

    static Path build() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-consoles", UUID.randomUUID().toString()));
            Files.writeString(dir.resolve("index.html"), INDEX_HTML);
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve(SCRIPT_PATH.substring(1)), SCRIPT);
            Files.writeString(dir.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder that does not exist: no console has been built. */
    static Path missing() {
        return Path.of("target", "test-consoles", "never-built-" + UUID.randomUUID()).toAbsolutePath();
    }
}
