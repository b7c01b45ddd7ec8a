package com.sellavie.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.migration.PlatformMigrationAutoConfiguration;
import com.sellavie.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service starts only as a role that row-level tenancy binds; otherwise it stops with a one-line cause. */
class DatabaseRoleCheckTest {

    private final TestPostgres postgres = TestPostgres.get();
    private TestPostgres.ServiceDatabase database;

    @BeforeEach
    void serviceDatabase() {
        database = postgres.createServiceDatabase("role_check");
    }

    @AfterEach
    void dropIt() {
        postgres.dropDatabase(database.name());
    }

    @Test
    void startsAsTheAppRoleWithMigrationsRunByTheOwner() {
        service(database.app()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(DatabaseRoleCheck.class);
        });
    }

    @Test
    void refusesASuperuser() {
        service(new TestPostgres.Credentials(postgres.user(), postgres.password())).run(context ->
                assertRefused(context, "Refusing to start: database role '" + postgres.user()
                        + "' is a superuser, which row-level tenancy does not bind."));
    }

    @Test
    void refusesABypassRlsRole() throws Exception {
        asSuperuser("ALTER ROLE " + database.app().user() + " BYPASSRLS");

        service(database.app()).run(context -> assertRefused(context, "Refusing to start: database role '"
                + database.app().user() + "' has BYPASSRLS, which row-level tenancy does not bind."));
    }

    @Test
    void refusesTheOwnerOfTheTablesAsTheRuntimeRole() {
        service(database.owner()).run(context -> assertRefused(context, "Refusing to start: database role '"
                + database.owner().user() + "' owns table public."));
    }

    @Test
    void refusesAMemberOfTheOwnerRole() throws Exception {
        asSuperuser("GRANT " + database.owner().user() + " TO " + database.app().user());

        service(database.app()).run(context -> assertRefused(context, "Refusing to start: database role '"
                + database.app().user() + "' owns table public."));
    }

    @Test
    void refusesTheRelaysReplicationRoleAsTheRuntimeRole() {
        service(database.relay()).run(context -> assertRefused(context, "Refusing to start: database role '"
                + database.relay().user() + "' has REPLICATION"));
    }

    private ApplicationContextRunner service(TestPostgres.Credentials runtime) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        PlatformMigrationAutoConfiguration.class, TenancyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + runtime.user(),
                        "spring.datasource.password=" + runtime.password(),
                        "spring.flyway.url=" + database.jdbcUrl(),
                        "spring.flyway.user=" + database.owner().user(),
                        "spring.flyway.password=" + database.owner().password(),
                        "spring.flyway.locations=classpath:db/no-such-service-migrations");
    }

    private static void assertRefused(AssertableApplicationContext context, String causeStart) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        FailureAnalysis analysis = new DatabaseRoleFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysed as a rejected role: %s", failure).isNotNull();
        assertThat(analysis.getDescription()).startsWith(causeStart).doesNotContain("\n");
        assertThat(analysis.getAction()).contains("SELLAVIE_DB_USER");
    }

    private void asSuperuser(String sql) throws Exception {
        try (Connection connection = postgres.connect(database.name()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
