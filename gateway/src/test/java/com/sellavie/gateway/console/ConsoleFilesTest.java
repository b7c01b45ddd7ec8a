package com.sellavie.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

class ConsoleFilesTest {

    @TempDir
    Path dir;

    @Test
    void consoleBuiltAfterStartIsFoundWithoutARestart() throws IOException {
        Path dist = dir.resolve("dist");
        ConsoleFiles files = new ConsoleFiles(new ConsoleProperties(dist.toString()));
        assertThat(files.root()).isEmpty();

        Files.createDirectories(dist);
        Files.writeString(dist.resolve("index.html"), "<!doctype html>");

        assertThat(files.root()).contains(dist.toAbsolutePath().normalize());
    }

    @Test
    void blankSettingSearchesWebDistThenParentWebDist() {
        ConsoleFiles files = new ConsoleFiles(new ConsoleProperties(""));

        assertThat(files.candidates()).containsExactly(
                Path.of("web", "dist").toAbsolutePath().normalize(),
                Path.of("..", "web", "dist").toAbsolutePath().normalize());
    }

    @Test
    void namesOnlyRegularFilesInsideTheConsole() throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/app-1a2b.js"), "x");
        Files.writeString(dir.getParent().resolve("secret.txt"), "do not serve");

        assertThat(ConsoleFiles.file(dir, path("/assets/app-1a2b.js"))).contains(dir.resolve("assets/app-1a2b.js"));
        assertThat(ConsoleFiles.file(dir, path("/assets"))).isEmpty();
        assertThat(ConsoleFiles.file(dir, path("/"))).isEmpty();
        assertThat(ConsoleFiles.file(dir, path("/../secret.txt"))).isEmpty();
        assertThat(ConsoleFiles.file(dir, path("/%2e%2e/secret.txt"))).isEmpty();
        assertThat(ConsoleFiles.file(dir, path("/assets/..%2F..%2Fsecret.txt"))).isEmpty();
    }

    private static PathContainer path(String raw) {
        return RequestPath.parse(raw, null).pathWithinApplication();
    }
}
