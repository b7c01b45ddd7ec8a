package com.sellavie.platform.listen;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Holds one {@code LISTEN} connection for the instance's life, on its own platform thread (never a request or
 * Kafka consumer thread), and hands each notification's payload to its {@link Handler}. PostgreSQL delivers
 * notifications only to a connected session: a lost connection is reported at once ({@link Handler#lost}),
 * taken again with doubling backoff, and once listening again the handler hears it was after a loss, so it
 * can treat what it derived from notifications as possibly stale.
 *
 * <p>Give it {@link #ownConnections} of the service's pool, not the pool: a connection held for the instance's life
 * would take one of the pool's few, and a lost one, read through the driver beneath the pool's wrappers, would go
 * back to the pool as if healthy and fail its next borrower. A loss is noticed within one poll
 * ({@value #POLL_MILLIS} ms) of the server closing the connection, or when the driver's socket reports it.
 */
public final class PostgresListener implements SmartLifecycle {

    /** What a listener reports, always on its own thread, in order. */
    public interface Handler {

        /**
         * {@code LISTEN} is in place; {@code afterLoss}: notifications sent while it was not may be missed. Throwing
         * counts as a loss: the connection is dropped and this is called again on the next one.
         */
        void listening(boolean afterLoss);

        /** One notification's payload ({@code ""} when sent without one); throwing is logged, and the next comes. */
        void notified(String payload);

        /** The connection is gone (or could not be had): no notification arrives until {@link #listening}. */
        void lost(Exception cause);
    }

    static final int POLL_MILLIS = 500;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    // Unquoted identifiers only: the channel is interpolated into LISTEN (which takes no bind parameter).
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

    private final DataSource dataSource;
    private final String channel;
    private final Handler handler;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public PostgresListener(DataSource dataSource, String channel, Handler handler, Duration maxBackoff) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case channel name: " + channel);
        }
        this.dataSource = Objects.requireNonNull(dataSource);
        this.channel = channel;
        this.handler = Objects.requireNonNull(handler);
        this.maxBackoff = maxBackoff.compareTo(FIRST_BACKOFF) < 0 ? FIRST_BACKOFF : maxBackoff;
    }

    /** Connections of their own (not pooled) to the database of {@code dataSource}, as its pool's user. */
    public static DataSource ownConnections(DataSource dataSource) {
        DataSource pool = dataSource;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                pool = dataSource.unwrap(HikariDataSource.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the pool's settings for a LISTEN connection", e);
        }
        return DataSourceBuilder.derivedFrom(pool).type(SimpleDriverDataSource.class).build();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("pg-listen-" + channel).start(this::listenUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the {@code LISTEN} connection is up (notifications flow). */
    public boolean isListening() {
        return listening;
    }

    private void listenUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        boolean lostBefore = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                listening = true;
                // A handler that cannot take this in (say, its own query failed) is told again on a new connection.
                handler.listening(lostBefore);
                backoff = FIRST_BACKOFF;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            String payload = Objects.requireNonNullElse(notification.getParameter(), "");
                            tell(() -> handler.notified(payload), "a notification");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                lostBefore = true;
                log.warn("LISTEN {}: connection lost ({}); retrying in {} ms", channel, e, backoff.toMillis(), e);
                tell(() -> handler.lost(e), "the loss");
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) <= 0 ? backoff.multipliedBy(2) : maxBackoff;
            }
        }
        listening = false;
    }

    /** A handler's failure is its own: logged, and the connection (and the next notification) goes on. */
    private void tell(Runnable report, String what) {
        try {
            report.run();
        } catch (RuntimeException e) {
            log.error("LISTEN {}: the handler failed on {}", channel, what, e);
        }
    }

    /** The reconnect backoff, on this listener's own thread; stop() interrupts it. */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
