package com.sellavie.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.testservice.ConsumerServiceTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ConsumerServiceTest
class InboxRetentionTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deletesEntriesOlderThanTheRetentionWindowOnly() {
        // Given entries 15 and 13 days old, with a 14-day window and batches smaller than the backlog
        String group = "retention-" + UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            entry(group, now.minus(Duration.ofDays(15)));
        }
        UUID kept = entry(group, now.minus(Duration.ofDays(13)));
        InboxRetention retention = new InboxRetention(jdbc, new InboxProperties(Duration.ofDays(14), null, 2),
                Clock.systemUTC());

        // When the retention job runs
        retention.deleteExpired();

        // Then only the recent entry is left
        assertThat(jdbc.queryForList("SELECT event_id FROM inbox WHERE consumer_group = ?", UUID.class, group))
                .containsExactly(kept);
    }

    private UUID entry(String group, Instant processedAt) {
        UUID eventId = UUID.randomUUID();
        jdbc.update("INSERT INTO inbox (consumer_group, event_id, processed_at) VALUES (?, ?, ?)", group, eventId,
                Timestamp.from(processedAt));
        return eventId;
    }
}
