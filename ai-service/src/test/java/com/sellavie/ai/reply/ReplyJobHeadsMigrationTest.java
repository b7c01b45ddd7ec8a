package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.MigratingDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V7 on real PostgreSQL, as a service's own non-superuser role (row-level security binds it):
 * a backlog of PENDING jobs already queued gets exactly one head per conversation, its oldest.
 */
class ReplyJobHeadsMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private final UUID conversationA = UUID.randomUUID();
    private final UUID conversationB = UUID.randomUUID();
    private MigratingDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion6WithABacklog() {
        database = MigratingDatabase.create("t_ai_heads").migrateTo("6");
        jdbc = database.jdbc();
        database.asTenant(shopA, () -> {
            insertJob(shopA, conversationA, "a-done", "DONE");
            insertJob(shopA, conversationA, "a-first", "PENDING");
            insertJob(shopA, conversationA, "a-second", "PENDING");
            insertJob(shopA, conversationA, "a-third", "PENDING");
        });
        database.asTenant(shopB, () -> insertJob(shopB, conversationB, "b-only", "PENDING"));
    }

    @Test
    void eachConversationsOldestPendingJobBecomesItsHeadAndOnlyThatOne() {
        database.migrate();

        assertThat(database.asTenant(shopA, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs "
                + "WHERE status = 'PENDING' AND head", String.class))).containsExactly("a-first");
        assertThat(database.asTenant(shopA, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs "
                + "WHERE status = 'PENDING' AND NOT head ORDER BY seq", String.class)))
                .containsExactly("a-second", "a-third");
        assertThat(database.asTenant(shopB, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs WHERE head",
                String.class))).containsExactly("b-only");
    }

    @Test
    void rowLevelSecurityStillBindsTheOwnerAfterwards() {
        database.migrate();

        List<Boolean> forced = jdbc.queryForList("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'reply_jobs'",
                Boolean.class);
        assertThat(forced).containsExactly(true);
        assertThat(database.asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM reply_jobs", Integer.class)))
                .isEqualTo(1);
    }

    private void insertJob(UUID business, UUID conversation, String label, String status) {
        // last_error carries a label to tell the rows apart in the assertions
        jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, request_id, requested_at, request_avro, "
                + "request_schema, status, last_error) VALUES (?, ?, ?, ?, now(), '\\x00', 's', ?, ?)",
                UUID.randomUUID(), business, conversation, UUID.randomUUID(), status, label);
    }

}
