package com.sellavie.platform.test;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL server per test JVM, with a fresh database for every caller.
 *
 * <p>Embedded (zonky, {@code wal_level=logical}) unless {@code SELLAVIE_TEST_DB_URL} names an
 * external server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. Databases
 * created here, and the replication slots left in them, are dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static volatile TestPostgres instance;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final List<String> createdDatabases = new CopyOnWriteArrayList<>();
    private final List<String> createdRoles = new CopyOnWriteArrayList<>();

    private TestPostgres(String serverUrl, String user, String password, EmbeddedPostgres embedded) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-postgres-shutdown"));
    }

    private static final int START_ATTEMPTS = 3;

    public static TestPostgres get() {
        if (instance == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static TestPostgres start() {
        String external = System.getenv("SELLAVIE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            log.info("Tests use the external PostgreSQL named by SELLAVIE_TEST_DB_URL");
            return new TestPostgres(external, System.getenv().getOrDefault("SELLAVIE_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("SELLAVIE_TEST_DB_PASSWORD", ""), null);
        }
        // The server's port is picked free and bound a moment later by postgres, so another test JVM's
        // server, broker or client can take it in between (test JVMs of two modules, or of one module in two
        // forks, start side by side): then postgres cannot bind and the start fails; a new port fixes it.
        Retry retry = Retry.of("test-postgres-start", RetryConfig.custom().maxAttempts(START_ATTEMPTS)
                .waitDuration(Duration.ofMillis(200)).build());
        retry.getEventPublisher().onRetry(event -> log.warn("Embedded PostgreSQL did not start (attempt {} of {})",
                event.getNumberOfRetryAttempts(), START_ATTEMPTS, event.getLastThrowable()));
        return Retry.decorateSupplier(retry, TestPostgres::startEmbedded).get();
    }

    private static TestPostgres startEmbedded() {
        try {
            // initdb runs as 'nobody' when the JVM is root, so both folders must be reachable by it
            // (a clone under /root is not): keep them under a world-traversable temp folder.
            Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sellavie-test-pg"));
            Path data = Files.createTempDirectory(base, "data-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.toFile())
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(true)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "64")
                    .setServerConfig("max_wal_senders", "64")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (Boolean.getBoolean("sellavie.test.pg.statements")) {
                // Per-statement counts and times for a profile (docs/benchmarks.md, issue 12): the
                // extension must be preloaded; CREATE EXTENSION pg_stat_statements then exposes the view.
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            EmbeddedPostgres pg = builder.start();
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            log.info("Embedded PostgreSQL started on port {}", pg.getPort());
            return new TestPostgres(url, "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * Creates a new, empty database (owned by the server's superuser) and returns its JDBC URL. Tests of
     * services use {@link #createServiceDatabase} instead: a service refuses to run as a superuser.
     */
    public String createDatabase(String prefix) {
        String name = uniqueName(prefix);
        execute("CREATE DATABASE " + name);
        createdDatabases.add(name);
        return jdbcUrl(name);
    }

    /**
     * Creates a new, empty database with the three roles a service uses in production, named after it:
     * {@code <db>_owner} owns the database, its schema and (through migrations) its tables;
     * {@code <db>_app}, the running service, may only read and write rows (granted by the owner's
     * default privileges, so no migration needs a grant), so row-level security binds it;
     * {@code <db>_relay} has REPLICATION for the outbox relay (its tables are granted by the platform
     * migrations). None is a superuser or has BYPASSRLS. The roles are dropped with the database.
     */
    public ServiceDatabase createServiceDatabase(String prefix) {
        String name = uniqueName(prefix);
        Credentials owner = createRole(name + "_owner", "NOREPLICATION");
        Credentials app = createRole(name + "_app", "NOREPLICATION");
        Credentials relay = createRole(name + "_relay", "REPLICATION");
        execute("CREATE DATABASE " + name + " OWNER " + owner.user());
        createdDatabases.add(name);
        for (String sql : ServiceRoles.grants(owner.user(), app.user(), relay.user())) {
            executeIn(name, sql);
        }
        return new ServiceDatabase(name, jdbcUrl(name), owner, app, relay);
    }

    private Credentials createRole(String role, String replication) {
        String password = UUID.randomUUID().toString().replace("-", "");
        execute("CREATE ROLE " + role + " LOGIN " + replication
                + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '" + password + "'");
        createdRoles.add(role);
        return new Credentials(role, password);
    }

    /** A database role and its password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }

    /** A database with its owner (migrations), app (the running service) and relay (outbox relay) roles. */
    public record ServiceDatabase(String name, String jdbcUrl, Credentials owner, Credentials app, Credentials relay) {
    }

    private static String uniqueName(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    public String jdbcUrl(String database) {
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        String tail = query < 0 ? "" : serverUrl.substring(query);
        return serverUrl.substring(0, slash + 1) + database + tail;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Drops a database created here, first removing the replication slots that pin it. */
    public void dropDatabase(String name) {
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                + "' AND pid <> pg_backend_pid()");
        execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '"
                + name + "' AND NOT active");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        createdDatabases.remove(name);
        for (String suffix : new String[] {"_app", "_relay", "_owner"}) {
            if (createdRoles.remove(name + suffix)) {
                execute("DROP ROLE IF EXISTS " + name + suffix);
            }
        }
    }

    private void execute(String sql) {
        executeAt(serverUrl, sql);
    }

    private void executeIn(String database, String sql) {
        executeAt(jdbcUrl(database), sql);
    }

    private void executeAt(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql.replaceAll("PASSWORD '[^']*'", "PASSWORD ***"),
                    e);
        }
    }

    private void shutdown() {
        for (String db : List.copyOf(createdDatabases)) {
            try {
                dropDatabase(db);
            } catch (RuntimeException e) {
                log.warn("Could not drop test database {}: {}", db, e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
