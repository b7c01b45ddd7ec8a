package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway V7 on real PostgreSQL, as a service's own non-superuser role (row-level security binds it):
 * a backlog of PENDING jobs already queued gets exactly one head per conversation, its oldest.
 */
class ReplyJobHeadsMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private final UUID conversationA = UUID.randomUUID();
    private final UUID conversationB = UUID.randomUUID();
    private TestPostgres.ServiceDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion6WithABacklog() throws Exception {
        database = TestPostgres.get().createServiceDatabase("t_ai_heads");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(), database.owner().password());
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute(tenancyFunctions());
        flyway("6").migrate();
        asTenant(shopA, () -> {
            insertJob(shopA, conversationA, "a-done", "DONE");
            insertJob(shopA, conversationA, "a-first", "PENDING");
            insertJob(shopA, conversationA, "a-second", "PENDING");
            insertJob(shopA, conversationA, "a-third", "PENDING");
        });
        asTenant(shopB, () -> insertJob(shopB, conversationB, "b-only", "PENDING"));
    }

    @Test
    void eachConversationsOldestPendingJobBecomesItsHeadAndOnlyThatOne() {
        flyway(null).migrate();

        assertThat(asTenant(shopA, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs "
                + "WHERE status = 'PENDING' AND head", String.class))).containsExactly("a-first");
        assertThat(asTenant(shopA, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs "
                + "WHERE status = 'PENDING' AND NOT head ORDER BY seq", String.class)))
                .containsExactly("a-second", "a-third");
        assertThat(asTenant(shopB, () -> jdbc.queryForList("SELECT last_error FROM reply_jobs WHERE head",
                String.class))).containsExactly("b-only");
    }

    @Test
    void rowLevelSecurityStillBindsTheOwnerAfterwards() {
        flyway(null).migrate();

        List<Boolean> forced = jdbc.queryForList("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'reply_jobs'",
                Boolean.class);
        assertThat(forced).containsExactly(true);
        assertThat(asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM reply_jobs", Integer.class)))
                .isEqualTo(1);
    }

    private void insertJob(UUID business, UUID conversation, String label, String status) {
        // last_error carries a label to tell the rows apart in the assertions
        jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, request_id, requested_at, request_avro, "
                + "request_schema, status, last_error) VALUES (?, ?, ?, ?, now(), '\\x00', 's', ?, ?)",
                UUID.randomUUID(), business, conversation, UUID.randomUUID(), status, label);
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private void asTenant(UUID business, Runnable work) {
        asTenant(business, () -> {
            work.run();
            return null;
        });
    }

    private <T> T asTenant(UUID business, Supplier<T> work) {
        jdbc.queryForList("SELECT set_config('sellavie.business_id', ?, false)", String.class, business.toString());
        try {
            return work.get();
        } finally {
            jdbc.queryForList("SELECT set_config('sellavie.business_id', '', false)", String.class);
        }
    }

    private static String tenancyFunctions() throws IOException {
        try (InputStream in = ReplyJobHeadsMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/tenancy/sellavie-tenancy-functions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
