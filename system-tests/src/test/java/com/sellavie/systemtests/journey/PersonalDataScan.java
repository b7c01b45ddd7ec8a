package com.sellavie.systemtests.journey;

import com.sellavie.systemtests.stack.SellavieStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Looks for a person's identifiers in every service's own database, generically: every table of the
 * service's schemas, every text-like column (text, varchar, char, json, jsonb, arrays of them) as
 * {@code col::text}, and every bytea column as its escaped bytes (so plain UTF-8 inside, e.g. an Avro
 * record, is found too), {@code ILIKE '%identifier%'}. Connects as each service's owner role, inside a
 * global lookup, so row-level security shows every business's rows.
 */
final class PersonalDataScan {

    /**
     * Tables kept on purpose, each with why. Only the transactional outbox: an event is relayed to
     * Kafka from the write-ahead log at once, and the row (its key, e.g. ingest's sender id, and its Avro
     * bytes, which may carry a message's text) stays for the outbox retention window (24 h by default) so
     * a relay that lost its place can resume; the retention job then deletes it. Events already on Kafka
     * topics are likewise kept for the topics' retention and are not rewritten by an erasure
     * (docs/privacy.md).
     */
    static final Set<String> KEPT_BY_DESIGN = Set.of("outbox");

    private static final String COLUMNS = """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_name
              FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE t.table_type = 'BASE TABLE'
               AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
               AND c.table_schema NOT LIKE 'pg_toast%'
               AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                    OR c.udt_name IN ('_text', '_varchar', '_json', '_jsonb'))
             ORDER BY 1, 2, 3
            """;

    /** Rows where one identifier was found: service, schema.table.column, the identifier, how many rows. */
    record Finding(String service, String column, String identifier, long rows) {
        @Override
        public String toString() {
            return service + ": " + column + " holds '" + identifier + "' in " + rows + " row(s)";
        }
    }

    private final SellavieStack stack;

    PersonalDataScan(SellavieStack stack) {
        this.stack = stack;
    }

    /** Every place in any service's database (outside {@link #KEPT_BY_DESIGN}) that holds one of the identifiers. */
    List<Finding> find(Collection<String> identifiers) {
        List<Finding> findings = new ArrayList<>();
        for (String service : stack.servicesWithDatabases()) {
            findings.addAll(find(stack.database(service), identifiers));
        }
        return findings;
    }

    private static List<Finding> find(SellavieStack.Database database, Collection<String> identifiers) {
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            try (Statement lookup = connection.createStatement()) {
                // The tenancy policies let a named global lookup read every business's rows.
                lookup.execute("SELECT set_config('sellavie.global_lookup', 'personal-data-scan', false)");
            }
            for (Column column : columns(connection)) {
                if (KEPT_BY_DESIGN.contains(column.table())) {
                    continue;
                }
                for (String identifier : identifiers) {
                    long rows = count(connection, column, identifier);
                    if (rows > 0) {
                        findings.add(new Finding(database.service(), column.schema() + "." + column.table() + "."
                                + column.name(), identifier, rows));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not scan " + database, e);
        }
        return findings;
    }

    private record Column(String schema, String table, String name, boolean bytes) {
        String expression() {
            String quoted = quote(name);
            return bytes ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
        }
    }

    private static List<Column> columns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COLUMNS)) {
            while (rows.next()) {
                columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3),
                        "bytea".equals(rows.getString(4))));
            }
        }
        return columns;
    }

    private static long count(Connection connection, Column column, String identifier) throws SQLException {
        String sql = "SELECT count(*) FROM " + quote(column.schema()) + "." + quote(column.table()) + " WHERE "
                + column.expression() + " ILIKE ? ESCAPE '\\'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%" + identifier.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
