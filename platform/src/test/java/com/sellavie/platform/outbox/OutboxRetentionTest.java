package com.sellavie.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.test.TestPostgres;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class OutboxRetentionTest {

    private final TestPostgres postgres = TestPostgres.get();
    private String database;
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migratedDatabase() {
        String url = postgres.createDatabase("outbox_retention");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        dataSource = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true);
        PlatformMigrations.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        dataSource.destroy();
        postgres.dropDatabase(database);
    }

    @Test
    void deletesEventsOlderThanTheRetentionWindowOnlyInBatches() {
        // Given five events 25 hours old and one 23 hours old, a 24-hour window and batches smaller than the backlog
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            row(now.minus(Duration.ofHours(25)));
        }
        UUID kept = row(now.minus(Duration.ofHours(23)));
        OutboxRetention retention = new OutboxRetention(jdbc, new OutboxRetentionProperties(null, null, 2),
                Clock.systemUTC());

        // When the cleaner runs
        int deleted = retention.deleteExpired();

        // Then only the recent event is left
        assertThat(deleted).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT id FROM outbox", UUID.class)).containsExactly(kept);
    }

    @Test
    void defaultsKeepADayAndNonsenseIsRefused() {
        OutboxRetentionProperties defaults = new OutboxRetentionProperties(null, null, null);
        assertThat(defaults.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.cleanupBatch()).isEqualTo(10_000);

        assertThatThrownBy(() -> new OutboxRetentionProperties(Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sellavie.outbox.retention");
    }

    private UUID row(Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO outbox (id, topic, aggregate_id, event_type, payload, created_at) "
                + "VALUES (?, 'commerce.orders', 'order-1', 'OrderPaid', ?, ?)", id, new byte[] {0}, Timestamp.from(createdAt));
        return id;
    }
}
