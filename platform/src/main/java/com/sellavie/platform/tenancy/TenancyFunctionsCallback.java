package com.sellavie.platform.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.core.io.ClassPathResource;

/**
 * Installs the row-level-security functions ({@code sellavie_enable_tenancy} and the policies'
 * helpers) before the service's Flyway migrations run, so a migration can mark its tenant-owned
 * tables with {@code SELECT sellavie_enable_tenancy('orders');}.
 */
class TenancyFunctionsCallback implements Callback {

    static final String SCRIPT = "db/tenancy/sellavie-tenancy-functions.sql";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Connection connection = context.getConfiguration().getDataSource().getConnection()) {
            install(connection);
        } catch (SQLException e) {
            throw new FlywayException("Could not install the tenancy functions (" + SCRIPT + ")", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "sellavie-tenancy-functions";
    }

    static void install(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(script());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String script() {
        try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
