package com.sellavie.platform.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs the platform migrations right after the service's own Flyway migrations (same data source and
 * credentials: the owner role), or on their own when the service has switched its Flyway off, then
 * grants the outbox relay's role ({@code sellavie.relay.username}) its few tables.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnBooleanProperty(name = "sellavie.platform-migrations.enabled", matchIfMissing = true)
public class PlatformMigrationAutoConfiguration {

    /** Service first, then platform. A service that needs its own strategy calls {@link PlatformMigrations} itself. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
    FlywayMigrationStrategy serviceThenPlatformMigrations(Environment environment) {
        return flyway -> {
            flyway.migrate();
            // Flyway's data source: the owner role when spring.flyway.user is set (as it is in every service).
            DataSource owner = flyway.getConfiguration().getDataSource();
            PlatformMigrations.migrate(owner);
            grantToRelay(owner, environment);
        };
    }

    static void grantToRelay(DataSource owner, Environment environment) {
        String relayRole = environment.getProperty("sellavie.relay.username");
        if (relayRole != null && !relayRole.isBlank()) {
            PlatformMigrations.grantToRelay(owner, relayRole);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "spring.flyway.enabled", havingValue = false)
    @ConditionalOnBean(DataSource.class)
    static class WithoutServiceFlyway {

        /** As the owner (spring.flyway.user) when one is configured: the runtime role may not create tables. */
        @Bean
        InitializingBean platformMigrationsAlone(DataSource dataSource, Environment environment) {
            return () -> {
                String owner = environment.getProperty("spring.flyway.user");
                DataSource migrations = owner == null || owner.isBlank() ? dataSource
                        : new DriverManagerDataSource(environment.getProperty("spring.flyway.url",
                                environment.getRequiredProperty("spring.datasource.url")), owner,
                                environment.getProperty("spring.flyway.password", ""));
                PlatformMigrations.migrate(migrations);
                grantToRelay(migrations, environment);
            };
        }
    }
}
