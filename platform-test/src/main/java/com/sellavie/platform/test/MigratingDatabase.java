package com.sellavie.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh service database for a migration test: the service's Flyway migrations run to a version, rows written as
 * their business, then the rest. All as the service's owner role, which row-level security binds, as it binds the
 * migrations in production.
 */
public final class MigratingDatabase {

    private final TestPostgres.ServiceDatabase database;
    private final JdbcTemplate jdbc;

    private MigratingDatabase(TestPostgres.ServiceDatabase database, JdbcTemplate jdbc) {
        this.database = database;
        this.jdbc = jdbc;
    }

    /** A new database named from {@code prefix}, with the platform's tenancy functions and no migration yet. */
    public static MigratingDatabase create(String prefix) {
        TestPostgres.ServiceDatabase database = TestPostgres.get().createServiceDatabase(prefix);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(DriverManager.getConnection(
                    database.jdbcUrl(), database.owner().user(), database.owner().password()), true));
            jdbc.execute(resource("db/tenancy/sellavie-tenancy-functions.sql"));
            return new MigratingDatabase(database, jdbc);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database.name(), e);
        }
    }

    /** One connection, as the owner role. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The service's migrations (the test's classpath) up to and including {@code version}. */
    public MigratingDatabase migrateTo(String version) {
        flyway().target(version).load().migrate();
        return this;
    }

    /** The rest of the service's migrations. */
    public void migrate() {
        flyway().load().migrate();
    }

    public void asTenant(UUID business, Runnable work) {
        asTenant(business, () -> {
            work.run();
            return null;
        });
    }

    /** {@code work} on {@link #jdbc()} with {@code business} as the connection's tenant. */
    public <T> T asTenant(UUID business, Supplier<T> work) {
        jdbc.queryForList("SELECT set_config('sellavie.business_id', ?, false)", String.class, business.toString());
        try {
            return work.get();
        } finally {
            jdbc.queryForList("SELECT set_config('sellavie.business_id', '', false)", String.class);
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }

    private static String resource(String name) {
        try (InputStream in = MigratingDatabase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
