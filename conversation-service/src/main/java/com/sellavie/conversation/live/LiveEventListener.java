package com.sellavie.conversation.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's one LISTEN connection on the {@code live_events} channel, on its own thread: each
 * notification carries a whole event (see V8__live_events.sql), handed to {@link LiveStreams}. A lost
 * connection is taken again with backoff, and since events may have passed meanwhile every open stream
 * is told to {@code reset}. The connection is one of the pool's, held for the instance's life.
 */
@Component
class LiveEventListener implements SmartLifecycle {

    static final String CHANNEL = "live_events";

    private static final Logger log = LoggerFactory.getLogger(LiveEventListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final DataSource dataSource;
    private final LiveStreams streams;
    private final LiveEventLog eventLog;
    private final LiveProperties properties;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveEventListener(DataSource dataSource, LiveStreams streams, LiveEventLog eventLog, LiveProperties properties) {
        this.dataSource = dataSource;
        this.streams = streams;
        this.eventLog = eventLog;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("live-events-listener").start(this::listenUntilStopped);
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

    /** Whether the LISTEN connection is up (events flow). */
    boolean isListening() {
        return listening;
    }

    private void listenUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        boolean lostBefore = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (lostBefore) {
                    streams.resetAll(eventLog.latestId());
                    log.info("Live events: LISTEN connection back; open streams told to refetch");
                }
                backoff = FIRST_BACKOFF;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                lostBefore = true;
                log.warn("Live events: LISTEN connection lost ({}); retrying in {} ms", e.toString(), backoff.toMillis(), e);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), properties.maxReconnectBackoff());
            }
        }
        listening = false;
    }

    private void deliver(String payload) {
        try {
            streams.publish(LiveEvent.fromNotification(payload));
        } catch (RuntimeException e) {
            log.error("Live events: unreadable notification skipped: {}", payload, e);
        }
    }

    /**
     * The reconnect backoff. It runs on this listener's own thread (never a Kafka consumer or request
     * thread), which holds one LISTEN connection for the instance's life; stop() interrupts it.
     */
    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
