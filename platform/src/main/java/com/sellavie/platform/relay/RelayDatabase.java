package com.sellavie.platform.relay;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's own database as the relay reaches it: Debezium wants host, port and name apart;
 * the lock and the offset store use the JDBC URL as configured.
 */
public record RelayDatabase(String jdbcUrl, String host, int port, String name, String user, String password,
        Optional<String> sslMode) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int MAX_SLOT_NAME = 63;

    /** Parses {@code jdbc:postgresql://host[:port]/database[?params]} (the first host, if several). */
    public static RelayDatabase of(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("The relay needs a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        URI uri = URI.create("postgresql://" + firstHost(jdbcUrl.substring(PREFIX.length())));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isBlank()) {
            throw new IllegalArgumentException("No host or database name in " + jdbcUrl);
        }
        return new RelayDatabase(jdbcUrl, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user,
                password, queryParameter(uri.getQuery(), "sslmode"));
    }

    /** A replication slot name for this database: lower case letters, digits and underscores, at most 63. */
    public String defaultSlotName() {
        String slot = ("sellavie_relay_" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return slot.length() <= MAX_SLOT_NAME ? slot : slot.substring(0, MAX_SLOT_NAME);
    }

    /**
     * A new connection of the relay's own (not from the service's pool), named for pg_stat_activity, with
     * short connect and read timeouts so an unreachable database fails a step instead of hanging it.
     */
    Connection open(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    private static String firstHost(String rest) {
        int slash = rest.indexOf('/');
        int comma = rest.indexOf(',');
        return comma >= 0 && comma < slash ? rest.substring(0, comma) + rest.substring(slash) : rest;
    }

    private static Optional<String> queryParameter(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equalsIgnoreCase(name)) {
                return Optional.of(kv[1]);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RelayDatabase[" + host + ":" + port + "/" + name + " as " + user + "]";
    }
}
