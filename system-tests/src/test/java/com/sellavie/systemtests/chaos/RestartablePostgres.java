package com.sellavie.systemtests.chaos;

import com.sellavie.platform.test.ServiceRoles;
import com.sellavie.platform.test.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server (zonky's binaries) on a fixed port with its data kept on disk, so it can be
 * restarted as an operator would: every connection drops, the server comes back with all its data,
 * replication slots included. {@code synchronous_commit} stays on, as in production.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path base;
    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path base, Path data, int port) {
        this.base = base;
        this.data = data;
        this.port = port;
    }

    static RestartablePostgres start() {
        try {
            // Run by root, initdb runs as 'nobody': keep both folders in a world-traversable temp folder.
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sellavie-test-pg"));
            Path data = Files.createTempDirectory(base, "chaos-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            RestartablePostgres postgres = new RestartablePostgres(base, data, InfrastructureProcess.freePort());
            postgres.startAgain();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(base.toFile())
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_wal_senders", "32")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_slot_wal_keep_size", "1GB")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, e);
        }
    }

    /** A fast shutdown (pg_ctl stop -m fast): sessions are ended, then the server starts again on the same data. */
    synchronized void restart() {
        stopServer();
        startAgain();
    }

    String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port;
    }

    /** As platform-test's TestPostgres does: owner, app and relay roles, the same grants. */
    TestPostgres.ServiceDatabase createServiceDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        TestPostgres.Credentials owner = createRole(name + "_owner", "NOREPLICATION");
        TestPostgres.Credentials app = createRole(name + "_app", "NOREPLICATION");
        TestPostgres.Credentials relay = createRole(name + "_relay", "REPLICATION");
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + owner.user());
        for (String sql : ServiceRoles.grants(owner.user(), app.user(), relay.user())) {
            execute(name, sql);
        }
        return new TestPostgres.ServiceDatabase(name, serverUrl() + "/" + name, owner, app, relay);
    }

    private TestPostgres.Credentials createRole(String role, String replication) {
        String password = UUID.randomUUID().toString().replace("-", "");
        execute("postgres", "CREATE ROLE " + role + " LOGIN " + replication
                + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '" + password + "'");
        return new TestPostgres.Credentials(role, password);
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "/" + database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql.replaceAll("PASSWORD '[^']*'", "PASSWORD ***"), e);
        }
    }

    /**
     * zonky's close runs {@code pg_ctl stop -m fast} but gives up after 5 s, while a server with many
     * sessions and walsenders may take longer to write its shutdown checkpoint: wait for the
     * postmaster to be gone (its pid file removed) before anything starts on the same data.
     */
    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException | RuntimeException slow) {
            // still shutting down: waited for below
        }
        server = null;
        Path pidFile = data.resolve("postmaster.pid");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            ChaosSuite.pause(java.time.Duration.ofMillis(200));
        }
        if (Files.exists(pidFile)) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s (" + pidFile + " still there)");
        }
    }

    @Override
    public synchronized void close() {
        stopServer();
    }
}
