package com.sellavie.platform.migration;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.JdbcTemplate;

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

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /**
     * Grants the outbox relay's role what it reads and writes, and nothing else: SELECT on the outbox
     * (streamed through the owner's publication, read again by a republish) and its own bookkeeping
     * tables (offsets, checkpoint, leader lease, dead letters). Run as the owner after {@link #migrate};
     * idempotent. The runtime role gets its privileges from the owner's default privileges instead.
     */
    public static void grantToRelay(DataSource dataSource, String relayRole) {
        if (!ROLE_NAME.matcher(relayRole).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL role name: " + relayRole);
        }
        String role = '"' + relayRole + '"';
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("GRANT SELECT ON outbox TO " + role);
        jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON relay_offsets, relay_checkpoint, relay_leader,"
                + " relay_dead_letters TO " + role);
        jdbc.execute("GRANT USAGE ON SEQUENCE relay_dead_letters_id_seq TO " + role);
    }
}
