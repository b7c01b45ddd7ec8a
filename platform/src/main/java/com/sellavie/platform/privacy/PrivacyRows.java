package com.sellavie.platform.privacy;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for an export part, as plain JSON values: timestamps as ISO instants, {@code jsonb} as its text,
 * arrays as lists. Lets each service export with one SQL query per table.
 */
public final class PrivacyRows {

    private PrivacyRows() {
    }

    public static List<Map<String, Object>> query(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), plain(rs.getObject(i)));
            }
            return row;
        }, args);
    }

    private static Object plain(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant().toString();
            case PGobject o -> o.getValue();
            case Array a -> Arrays.stream((Object[]) a.getArray()).map(PrivacyRows::plainElement).toList();
            case java.util.UUID id -> id.toString();
            case byte[] ignored -> null; // ciphertexts and hashes: nothing a person can read
            default -> value;
        };
    }

    private static Object plainElement(Object element) {
        return element == null ? null : element.toString();
    }
}
