package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The relay's WAL reader waits on its connection with {@link WalArrival}: a wait ends when the server sends something
 * and not before, and leaves what arrived for the next read. Shown on a real PostgreSQL connection with a
 * notification, which reaches the socket the way a replication message does.
 */
class WalArrivalTest {

    private static String url;

    @BeforeAll
    static void database() {
        url = TestPostgres.get().createDatabase("wal_arrival");
    }

    @Test
    void worksWithThePgjdbcOnTheClassPath() {
        assertThat(WalArrival.available()).isTrue();
    }

    @Test
    void aWaitWithNothingToReadLastsItsTimeAndLeavesTheConnectionUsable() throws Exception {
        try (Connection listener = connect()) {
            long started = System.nanoTime();
            assertThat(WalArrival.await(listener, Duration.ofMillis(300))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));

            try (Statement statement = listener.createStatement()) {
                assertThat(statement.executeQuery("SELECT 1").next()).isTrue();
            }
        }
    }

    @Test
    void aWaitEndsWhenTheServerSendsAndTheReaderThenGetsIt() throws Exception {
        try (Connection listener = connect(); Connection notifier = connect()) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN wal_arrival");
            }
            CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
                WalArrival.await(listener, Duration.ofSeconds(20));
                return System.nanoTime();
            });
            Thread.sleep(300);
            long sent = System.nanoTime();
            try (Statement notify = notifier.createStatement()) {
                notify.execute("NOTIFY wal_arrival, 'changed'");
            }

            long woke = waited.get(30, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(woke - sent)).isLessThan(Duration.ofSeconds(5));
            // The bytes were only looked at: the driver still reads the whole notification.
            var notifications = listener.unwrap(PGConnection.class).getNotifications(1000);
            assertThat(notifications).hasSize(1);
            assertThat(notifications[0].getParameter()).isEqualTo("changed");
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(url, TestPostgres.get().user(), TestPostgres.get().password());
    }
}
