package com.sellavie.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One database per service with three roles, as in production (and as platform-test's TestPostgres
 * makes them): {@code <db>_owner} owns the database, schema and tables (migrations connect as it),
 * {@code <db>_app} runs the service and only reads and writes rows (the owner's default privileges
 * grant them), {@code <db>_relay} is the only one with REPLICATION (the outbox relay; the platform
 * grants it the outbox and its own tables). None is a superuser or has BYPASSRLS. Idempotent: existing
 * roles only have their passwords re-set; a data folder from before the split (one role named like
 * the database owning everything) has its objects handed to the owner role and the old role dropped.
 */
final class ServiceDatabases {

    static final List<String> NAMES = List.of("sellavie_identity", "sellavie_ingest", "sellavie_conversation",
            "sellavie_ai", "sellavie_commerce", "sellavie_notification");

    /** A role and its password. */
    record Role(String user, String password) {
        @Override
        public String toString() {
            return "Role[" + user + "]";
        }
    }

    /** A database's owner (migrations), app (the running service) and relay (outbox relay) roles. */
    record Credentials(String database, Role owner, Role app, Role relay) {
    }

    private ServiceDatabases() {
    }

    static Map<String, Credentials> ensure(EmbeddedDatabase server, LocalSecrets secrets) {
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        try (Connection admin = server.connectAsSuperuser("postgres")) {
            for (String name : NAMES) {
                Role owner = ensureRole(admin, secrets, name + "_owner", "NOREPLICATION");
                Role app = ensureRole(admin, secrets, name + "_app", "NOREPLICATION");
                Role relay = ensureRole(admin, secrets, name + "_relay", "REPLICATION");
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    execute(admin, "CREATE DATABASE " + name + " OWNER " + owner.user());
                }
                try (Connection db = server.connectAsSuperuser(name)) {
                    if (exists(db, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                        // Data from before the owner/app/relay split: the owner takes over what the old role owned.
                        execute(db, "REASSIGN OWNED BY " + name + " TO " + owner.user());
                        execute(db, "DROP OWNED BY " + name);
                        execute(admin, "DROP ROLE " + name);
                    }
                    grant(db, owner.user(), app.user(), relay.user());
                }
                credentials.put(name, new Credentials(name, owner, app, relay));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the service databases: " + e.getMessage(), e);
        }
        return credentials;
    }

    private static void grant(Connection db, String owner, String app, String relay) throws SQLException {
        execute(db, "ALTER SCHEMA public OWNER TO " + owner);
        // PostgreSQL 15+ no longer lets every role create in schema public; older ones did.
        execute(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        execute(db, "GRANT USAGE ON SCHEMA public TO " + app + ", " + relay);
        // Every table and sequence the owner's migrations create is usable by the running service ...
        execute(db, "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
        execute(db, "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        // ... and so are those created before these defaults existed (a data folder from before the split).
        execute(db, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app);
        execute(db, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app);
    }

    private static Role ensureRole(Connection admin, LocalSecrets secrets, String role, String replication)
            throws SQLException {
        String password = secrets.databasePassword(role);
        String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        // Names are constants above; the password is hex, so the literal cannot be broken out of.
        execute(admin, verb + " ROLE " + role + " LOGIN " + replication + " NOSUPERUSER NOCREATEDB NOCREATEROLE"
                + " NOBYPASSRLS PASSWORD '" + password.replace("'", "''") + "'");
        return new Role(role, password);
    }
    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
