package com.sellavie.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.test.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on the real PostgreSQL: what a caller is told is what the database holds. */
class GroupCommitTest {

    private JdbcTemplate jdbc;
    private GroupCommit commits;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void probeTable() {
        TestPostgres postgres = TestPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase("group_commit"),
                postgres.user(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE webhooks (id text PRIMARY KEY, tx bigint NOT NULL)");
        commits = new GroupCommit(new TransactionTemplate(new DataSourceTransactionManager(dataSource)), 1, 64);
    }

    @AfterEach
    void close() throws InterruptedException {
        callers.shutdownNow();
        commits.close();
    }

    @Test
    void eachCallerReturnsOnlyOnceItsWorkIsCommitted() throws Exception {
        // When 50 webhooks are committed concurrently
        List<Future<Boolean>> visibleOnReturn = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "wh-" + i;
            visibleOnReturn.add(callers.submit(() -> {
                commits.commit(() -> insert(id));
                // Then, as soon as its call returns, another connection sees its row
                return jdbc.queryForObject("SELECT count(*) FROM webhooks WHERE id = ?", Long.class, id) == 1;
            }));
        }
        for (Future<Boolean> visible : visibleOnReturn) {
            assertThat(visible.get(60, TimeUnit.SECONDS)).isTrue();
        }
        // And they shared transactions: fewer commits than webhooks
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT tx) FROM webhooks", Long.class)).isLessThan(50);
    }

    @Test
    void aFailingWebhookFailsAloneAndTheRestOfItsBatchIsCommitted() throws Exception {
        // Given the writer busy, so the next three webhooks queue up as one batch
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> blocker = callers.submit(() -> commits.commit(() -> {
            running.countDown();
            await(release);
            return insert("blocker");
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Long> first = callers.submit(() -> commits.commit(() -> insert("first")));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> commits.queued() == 1);
        Future<Long> failing = callers.submit(() -> commits.commit(() -> {
            insert("failing");
            throw new IllegalArgumentException("this webhook cannot be stored");
        }));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> commits.queued() == 2);
        Future<Long> last = callers.submit(() -> commits.commit(() -> insert("last")));
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> commits.queued() == 3);

        // When the batch runs
        release.countDown();

        // Then the failing webhook's caller gets its own error and nothing of it is stored
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this webhook cannot be stored");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhooks WHERE id = 'failing'", Long.class)).isZero();
        // and the others of its batch are committed, together
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(last.get(30, TimeUnit.SECONDS));
        assertThat(blocker.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(jdbc.queryForList("SELECT id FROM webhooks ORDER BY id", String.class))
                .containsExactly("blocker", "first", "last");
    }

    @Test
    void aFailedCommitFailsEveryCallerOfTheBatch() {
        // Given a webhook whose work breaks only at commit time (a deferred constraint)
        jdbc.execute("CREATE TABLE deferred (id text PRIMARY KEY REFERENCES webhooks (id) DEFERRABLE INITIALLY DEFERRED)");

        // When it is committed, its caller is told it failed and nothing is stored
        assertThatThrownBy(() -> commits.commit(() -> jdbc.update("INSERT INTO deferred VALUES ('missing')")))
                .isInstanceOf(RuntimeException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deferred", Long.class)).isZero();
    }

    private long insert(String id) {
        long tx = jdbc.queryForObject("SELECT txid_current()", Long.class);
        jdbc.update("INSERT INTO webhooks (id, tx) VALUES (?, ?)", id, tx);
        return tx;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
