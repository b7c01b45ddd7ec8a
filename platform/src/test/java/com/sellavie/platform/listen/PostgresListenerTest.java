package com.sellavie.platform.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.tenancy.TenantScopedDataSource;
import com.sellavie.platform.test.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One LISTEN connection on the machine's PostgreSQL: what its handler hears, and in which order. */
class PostgresListenerTest {

    private static final String CHANNEL = "listener_test";

    private TestPostgres.ServiceDatabase database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private PostgresListener listener;

    @BeforeEach
    void database() {
        database = TestPostgres.get().createServiceDatabase("listener");
        dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.app().user(), database.app().password());
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.isListening());
        }
        TestPostgres.get().dropDatabase(database.name());
    }

    @Test
    void notificationsArriveInCommitOrderWithTheirPayloads() {
        start(new Recording());

        notify("first");
        notify("");
        notify("third");

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 4);
        assertThat(heard).containsExactly("listening", "notified first", "notified ", "notified third");
    }

    @Test
    void aLostConnectionIsReportedThenTakenAgainAndSaidToBeAfterALoss() {
        start(new Recording());

        terminateListeningSession();

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("listening after a loss"));
        assertThat(heard.subList(0, 3)).containsExactly("listening", "lost", "listening after a loss");
        notify("again");
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("notified again"));
    }

    @Test
    void aHandlerFailingOnANotificationStillHearsTheNext() {
        start(new Recording() {
            @Override
            public void notified(String payload) {
                if (payload.equals("poison")) {
                    throw new IllegalStateException("unreadable");
                }
                super.notified(payload);
            }
        });

        notify("poison");
        notify("next");

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("notified next"));
        assertThat(heard).containsExactly("listening", "notified next");
    }

    @Test
    void aHandlerThatCannotTakeInTheConnectionIsToldAgainOnTheNextOne() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        start(new Recording() {
            @Override
            public void listening(boolean afterLoss) {
                if (failOnce.getAndSet(false)) {
                    throw new IllegalStateException("its own query failed");
                }
                super.listening(afterLoss);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("listening after a loss"));
        assertThat(heard).startsWith("lost", "listening after a loss");
        assertThat(listener.isListening()).isTrue();
    }

    @Test
    void itsConnectionIsItsOwnNeitherHeldFromThePoolNorReturnedToItWhenLost() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.app().user());
        config.setPassword(database.app().password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource service = new TenantScopedDataSource(pool);
            listener = new PostgresListener(PostgresListener.ownConnections(service), CHANNEL, new Recording(),
                    Duration.ofSeconds(1));
            listener.start();
            await().atMost(Duration.ofSeconds(10)).until(listener::isListening);

            // The pool's only connection is free while the listener listens ...
            assertThat(new JdbcTemplate(service).queryForObject("SELECT 1", Integer.class)).isOne();
            // ... and the lost LISTEN connection is not handed to the pool's next borrower.
            terminateListeningSession();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("lost"));
            assertThat(new JdbcTemplate(service).queryForObject("SELECT 1", Integer.class)).isOne();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("listening after a loss"));
        }
    }

    private void start(PostgresListener.Handler handler) {
        listener = new PostgresListener(dataSource, CHANNEL, handler, Duration.ofSeconds(1));
        listener.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
    }

    private void notify(String payload) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, CHANNEL, payload);
    }

    private void terminateListeningSession() {
        assertThat(jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND query = 'LISTEN " + CHANNEL + "'", Long.class)).isOne();
    }

    private class Recording implements PostgresListener.Handler {

        @Override
        public void listening(boolean afterLoss) {
            heard.add(afterLoss ? "listening after a loss" : "listening");
        }

        @Override
        public void notified(String payload) {
            heard.add("notified " + payload);
        }

        @Override
        public void lost(Exception cause) {
            heard.add("lost");
        }
    }
}
