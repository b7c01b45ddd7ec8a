package com.sellavie.identity.support;

import com.sellavie.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The test context's database seen by the server's superuser, past row-level security: for asserting
 * what was (not) written, whatever the tenant.
 */
public final class IdentityDatabase {

    private final String name;

    /** @param jdbcUrl the context's {@code spring.datasource.url} */
    public IdentityDatabase(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        this.name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** The single number {@code sql} (with one text parameter) returns. */
    public long count(String sql, String parameter) {
        try (Connection connection = TestPostgres.get().connect(name);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number {@code sql} returns, with its parameters bound in order. */
    public long countWith(String sql, Object... parameters) {
        try (Connection connection = TestPostgres.get().connect(name);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a write past row-level security, e.g. to arrange what no API can yet (a second member). */
    public void update(String sql, Object... parameters) {
        try (Connection connection = TestPostgres.get().connect(name);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long usersWithEmail(String email) {
        return count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email);
    }

    public long businessesNamed(String name) {
        return count("SELECT count(*) FROM businesses WHERE name = ?", name);
    }
}
