package com.sellavie.platform.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the platform's tables ({@code classpath:db/platform}) in a service's database. A separate
 * Flyway run with its own history table, so platform and service version their schemas independently;
 * it baselines at version 0, so a schema that already holds the service's tables is fine.
 */
public final class PlatformMigrations {

    public static final String LOCATION = "classpath:db/platform";
    public static final String HISTORY_TABLE = "platform_schema_history";

    private PlatformMigrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
