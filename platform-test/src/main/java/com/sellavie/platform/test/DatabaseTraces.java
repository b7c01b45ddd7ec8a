package com.sellavie.platform.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for a piece of personal data anywhere in a service's database, as the database's superuser (so
 * row-level security hides nothing): every table of schema {@code public}, every column, as text, and
 * binary columns (Avro payloads, ciphertexts) by the needle's UTF-8 bytes. What a privacy test uses to
 * show that an erasure left no trace.
 */
public final class DatabaseTraces {

    private DatabaseTraces() {
    }

    /**
     * @param jdbcUrl the service's {@code spring.datasource.url}
     * @return each table holding {@code needle} (case-insensitive) with how many of its rows do; empty when none
     */
    public static Map<String, Integer> find(String jdbcUrl, String needle) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        Map<String, Integer> found = new LinkedHashMap<>();
        try (Connection connection = TestPostgres.get().connect(database)) {
            for (String table : tables(connection)) {
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM \"" + table + "\" t WHERE strpos(lower(to_jsonb(t)::text), lower(?)) > 0 "
                                + "OR strpos(to_jsonb(t)::text, encode(convert_to(?, 'UTF8'), 'hex')) > 0")) {
                    count.setString(1, needle);
                    count.setString(2, needle);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            found.put(table, rs.getInt(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search " + database + " for traces", e);
        }
        return found;
    }

    /**
     * Like {@link #find}, without the platform's {@code outbox}: it keeps events already published (keyed
     * by aggregate id, e.g. a conversation id) for {@code sellavie.outbox.retention} so a relay that lost its
     * slot can publish them again; its retention job removes them, an erasure does not.
     */
    public static Map<String, Integer> findOutsideOutbox(String jdbcUrl, String needle) {
        Map<String, Integer> found = find(jdbcUrl, needle);
        found.remove("outbox");
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
                ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
