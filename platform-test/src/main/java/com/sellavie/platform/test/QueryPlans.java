package com.sellavie.platform.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What a statement costs as the tables grow, read from its {@code EXPLAIN (ANALYZE, BUFFERS)} plan, and the planner's
 * statistics taken when a test needs them (before a backlog, as they nearly always are in production).
 */
public final class QueryPlans {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

    private QueryPlans() {
    }

    /**
     * The plans the server may cache for a statement the driver has prepared (pgjdbc does from its fifth run on a
     * connection): one for the values given ({@code CUSTOM}), or one for any values ({@code GENERIC}), which the server
     * switches to once it does not look costlier. Both have to be fine.
     */
    public enum PlanCache {
        CUSTOM, GENERIC
    }

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)} of {@code sql} (JDBC {@code ?} placeholders, none inside a literal)
     * prepared on the server and run once with {@code args} under {@code plan}, on a connection of {@code service}
     * (so in the caller's tenant context) in a transaction rolled back afterwards.
     */
    public static String explain(DataSource service, PlanCache plan, String sql, Object... args) {
        return explain(service, plan, List.of(), sql, args);
    }

    /**
     * {@link #explain(DataSource, PlanCache, String, Object...)} after {@code setup} (such as a SET LOCAL) in its
     * transaction.
     */
    public static String explain(DataSource service, PlanCache plan, List<String> setup, String sql, Object... args) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        try (Connection connection = service.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_" + plan.name().toLowerCase(Locale.ROOT)
                        + "_plan");
                for (String step : setup) {
                    statement.execute(step);
                }
                statement.execute("PREPARE plan_under_test AS " + numbered);
                try {
                    return explainExecute(connection, args);
                } finally {
                    // A prepared statement outlives the transaction (the driver's own on this pooled connection stay).
                    connection.rollback();
                    statement.execute("DEALLOCATE plan_under_test");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN of a " + plan + " plan failed: " + sql, e);
        }
    }

    private static String explainExecute(Connection connection, Object... args) throws SQLException {
        // EXECUTE's arguments cannot be bound parameters of the EXPLAIN around it: they go as literals.
        List<String> literals = new ArrayList<>();
        for (Object arg : args) {
            literals.add(literal(arg));
        }
        try (Statement explain = connection.createStatement();
                ResultSet rows = explain.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE plan_under_test("
                        + String.join(", ", literals) + ")")) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
            return String.join("\n", lines);
        }
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof Object[] array
                ? "{" + String.join(",", Arrays.stream(array).map(String::valueOf).toList()) + "}"
                : String.valueOf(value);
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * {@code explain} under each plan the server may cache, with the statistics of {@code table} as they are and again
     * after an ANALYZE (the order a burst meets them in): four plans, in that order.
     */
    public static List<String> underEachPlanBeforeAndAfterAnalyze(DataSource service, String table,
            Function<PlanCache, String> explain) {
        List<String> plans = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (PlanCache plan : PlanCache.values()) {
                plans.add(explain.apply(plan));
            }
            analyze(service, table);
        }
        return plans;
    }

    /** The pages the whole statement touched (its top node's shared buffers, hit or read). */
    public static int pagesRead(String plan) {
        Matcher buffers = BUFFERS.matcher(plan);
        if (!buffers.find()) {
            throw new AssertionError("No shared buffers in the plan (EXPLAIN without ANALYZE, BUFFERS?):\n" + plan);
        }
        int read = buffers.group(2) == null ? 0 : Integer.parseInt(buffers.group(2));
        return Integer.parseInt(buffers.group(1)) + read;
    }

    /**
     * {@code ANALYZE table} in the database {@code service} reaches, as the test server's superuser: a service's
     * role does not own its tables, and ANALYZE needs the owner.
     */
    public static void analyze(DataSource service, String table) {
        try (Connection app = service.getConnection();
                Connection owner = TestPostgres.get().connect(app.getCatalog());
                Statement analyze = owner.createStatement()) {
            analyze.execute("ANALYZE " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE " + table + " failed", e);
        }
    }
}
