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
 * One database per service, each owned by its own role: LOGIN REPLICATION (the outbox relay
 * streams the WAL) but NOSUPERUSER NOBYPASSRLS, so row-level tenancy binds it as in production.
 * Idempotent: an existing role keeps its database and only has its password re-set.
 */
final class ServiceDatabases {

    static final List<String> NAMES = List.of("sellavie_identity", "sellavie_ingest", "sellavie_conversation",
            "sellavie_ai", "sellavie_commerce", "sellavie_notification");

    /** A database's owner role and its password (the role is named like the database). */
    record Credentials(String database, String user, String password) {
    }

    private ServiceDatabases() {
    }

    static Map<String, Credentials> ensure(EmbeddedDatabase server, LocalSecrets secrets) {
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        try (Connection admin = server.connectAsSuperuser("postgres")) {
            for (String name : NAMES) {
                String password = secrets.databasePassword(name);
                ensureRole(admin, name, password);
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    execute(admin, "CREATE DATABASE " + name + " OWNER " + name);
                    try (Connection db = server.connectAsSuperuser(name)) {
                        // PostgreSQL 15+ no longer lets every role create in schema public.
                        execute(db, "ALTER SCHEMA public OWNER TO " + name);
                    }
                }
                credentials.put(name, new Credentials(name, name, password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the service databases: " + e.getMessage(), e);
        }
        return credentials;
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
        // Names are constants above; the password is hex, so the literal cannot be broken out of.
        execute(admin, verb + " ROLE " + role + " LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE"
                + " NOBYPASSRLS PASSWORD '" + password.replace("'", "''") + "'");
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
