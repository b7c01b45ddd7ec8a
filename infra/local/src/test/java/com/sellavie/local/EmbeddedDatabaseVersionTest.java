package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseVersionTest {

    @TempDir
    Path folder;

    @Test
    void refusesInOneLineADatabaseAnotherMajorVersionWroteAndLeavesItUntouched() throws Exception {
        // Given the data folder an earlier build's PostgreSQL 14 wrote
        Path data = Files.createDirectories(folder.resolve(".sellavie/postgres/data"));
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        Files.writeString(data.resolve("postgresql.auto.conf"), "# the merchant's settings\n");

        // When the launcher would start PostgreSQL 15 on it: refused, saying how to keep or replace it
        assertThatThrownBy(() -> EmbeddedDatabase.requireSameMajorVersion(data, "15"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written by PostgreSQL 14 and this build runs PostgreSQL 15")
                .hasMessageContaining("./sellavie reset")
                .hasMessageContaining("move the data folder " + folder.resolve(".sellavie") + " aside")
                .hasMessageNotContaining("\n");

        // Then nothing in it changed
        assertThat(data.resolve("PG_VERSION")).hasContent("14\n");
        assertThat(data.resolve("postgresql.auto.conf")).hasContent("# the merchant's settings\n");
    }

    @Test
    void acceptsItsOwnMajorVersionAndAFirstStart() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres/data"));
        assertThatCode(() -> EmbeddedDatabase.requireSameMajorVersion(data, "15")).doesNotThrowAnyException();

        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        assertThatCode(() -> EmbeddedDatabase.requireSameMajorVersion(data, "15")).doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedDatabase.requireSameMajorVersion(folder.resolve("absent"), "15"))
                .doesNotThrowAnyException();
    }

    @Test
    void theBuildRecordsItsBinariesMajorVersion() {
        assertThat(EmbeddedDatabase.binariesMajorVersion()).matches("1[5-9]|[2-9][0-9]");
    }
}
