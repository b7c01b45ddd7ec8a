package com.sellavie.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TestPostgres;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PlatformMigrationsTest {

    private final TestPostgres postgres = TestPostgres.get();
    private String database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        String url = postgres.createDatabase("platform_migrations");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        dataSource = new DriverManagerDataSource(url, postgres.user(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        postgres.dropDatabase(database);
    }

    @Test
    void migratesASchemaThatAlreadyHoldsTheServiceTables() {
        // Given a service that migrated its own tables first
        jdbc.execute("CREATE TABLE orders (id uuid PRIMARY KEY)");

        // When the platform migrates beside it
        MigrateResult result = PlatformMigrations.migrate(dataSource);

        // Then its history is its own, baselined at 0, and its tables exist
        assertThat(result.success).isTrue();
        assertThat(jdbc.queryForList("SELECT version FROM platform_schema_history ORDER BY installed_rank", String.class))
                .startsWith("0").contains("1");
        assertThat(tables()).contains("orders", "outbox", "relay_offsets", "platform_schema_history");
    }

    @Test
    void migratesAnEmptySchemaAndIsIdempotent() {
        PlatformMigrations.migrate(dataSource);
        MigrateResult again = PlatformMigrations.migrate(dataSource);

        assertThat(again.migrationsExecuted).isZero();
        assertThat(tables()).contains("outbox", "relay_offsets");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'sellavie_outbox' AND tablename = 'outbox'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void runAfterAServiceThatHasNoMigrationsOfItsOwn() {
        contextRunner().withPropertyValues("spring.flyway.locations=classpath:db/no-such-service-migrations")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(tables()).contains("outbox", "relay_offsets", "flyway_schema_history", "platform_schema_history");
    }

    @Test
    void runOnTheirOwnWhenTheServiceSwitchedFlywayOff() {
        contextRunner().withPropertyValues("spring.flyway.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(tables()).contains("outbox", "relay_offsets", "platform_schema_history")
                .doesNotContain("flyway_schema_history");
    }

    private ApplicationContextRunner contextRunner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        PlatformMigrationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(database),
                        "spring.datasource.username=" + postgres.user(),
                        "spring.datasource.password=" + postgres.password());
    }

    private List<String> tables() {
        return jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
    }
}
