package com.sellavie.bench.ingest;

import com.sellavie.platform.test.ServiceRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL for the benchmark with production's durability: {@code fsync} and {@code synchronous_commit}
 * on (the tests' shared server turns both off, which would hide exactly the per-commit cost measured here), and
 * logical decoding for ingest's outbox relay. One database with the three roles a service runs with.
 */
final class DurablePostgres implements AutoCloseable {

    static final String DATABASE = "sellavie_ingest";

    private final EmbeddedPostgres server;
    private final Path data;

    private DurablePostgres(EmbeddedPostgres server, Path data) {
        this.server = server;
        this.data = data;
    }

    /** The postmaster's pid (its backends are its children): for CPU accounting. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
    }

    static DurablePostgres start() throws IOException, SQLException {
        // initdb runs as 'nobody' when the JVM is root: keep its folders where that user can reach them.
        Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sellavie-bench-pg"));
        Path data = Files.createTempDirectory(base, "data-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.toFile())
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(true)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "128MB")
                .start();
        DurablePostgres postgres = new DurablePostgres(server, data);
        postgres.createServiceDatabase();
        return postgres;
    }

    private void createServiceDatabase() throws SQLException {
        execute("postgres", "CREATE ROLE ingest_owner LOGIN NOSUPERUSER PASSWORD 'owner'");
        execute("postgres", "CREATE ROLE ingest_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'app'");
        execute("postgres", "CREATE ROLE ingest_relay LOGIN REPLICATION NOSUPERUSER PASSWORD 'relay'");
        execute("postgres", "CREATE DATABASE " + DATABASE + " OWNER ingest_owner");
        for (String sql : ServiceRoles.grants("ingest_owner", "ingest_app", "ingest_relay")) {
            execute(DATABASE, sql);
        }
    }

    /** The environment ingest reads its database settings from. */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SELLAVIE_DB_URL", "jdbc:postgresql://localhost:" + server.getPort());
        env.put("SELLAVIE_DB_USER", "ingest_app");
        env.put("SELLAVIE_DB_PASSWORD", "app");
        env.put("SELLAVIE_DB_OWNER_USER", "ingest_owner");
        env.put("SELLAVIE_DB_OWNER_PASSWORD", "owner");
        env.put("SELLAVIE_DB_RELAY_USER", "ingest_relay");
        env.put("SELLAVIE_DB_RELAY_PASSWORD", "relay");
        return env;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE,
                "postgres", "postgres");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/"
                + database, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
