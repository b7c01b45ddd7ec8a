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

/**
 * Runs the platform migrations right after the service's own Flyway migrations (same data source and
 * credentials), or on their own when the service has switched its Flyway off.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnBooleanProperty(name = "sellavie.platform-migrations.enabled", matchIfMissing = true)
public class PlatformMigrationAutoConfiguration {

    /** Service first, then platform. A service that needs its own strategy calls {@link PlatformMigrations} itself. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
    FlywayMigrationStrategy serviceThenPlatformMigrations() {
        return flyway -> {
            flyway.migrate();
            PlatformMigrations.migrate(flyway.getConfiguration().getDataSource());
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "spring.flyway.enabled", havingValue = false)
    @ConditionalOnBean(DataSource.class)
    static class WithoutServiceFlyway {

        @Bean
        InitializingBean platformMigrationsAlone(DataSource dataSource) {
            return () -> PlatformMigrations.migrate(dataSource);
        }
    }
}
