package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseReachabilityTest {

    @TempDir
    Path folder;

    @Test
    void refusesInOneLineADataFolderInsideAPrivateFolderWhenRunAsRoot() throws Exception {
        Path home = Files.createDirectory(folder.resolve("home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path postgres = home.resolve("clone/.sellavie/postgres");

        assertThatThrownBy(() -> EmbeddedDatabase.requireReachableByPostgres(postgres, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot enter " + home)
                .hasMessageContaining("SELLAVIE_HOME=")
                .hasMessageNotContaining("\n");
    }

    @Test
    void acceptsAFolderOthersCanEnter() throws Exception {
        Path shared = Files.createDirectory(folder.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));

        assertThatCode(() -> EmbeddedDatabase.requireReachableByPostgres(shared.resolve("postgres"), true))
                .doesNotThrowAnyException();
    }

    @Test
    void aNonRootUserRunsPostgresAsItselfSoAnyFolderOfItsOwnWorks() throws Exception {
        Path home = Files.createDirectory(folder.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThatCode(() -> EmbeddedDatabase.requireReachableByPostgres(home.resolve("postgres"), false))
                .doesNotThrowAnyException();
    }
}
