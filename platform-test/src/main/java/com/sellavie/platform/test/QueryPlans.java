package com.sellavie.platform.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
