package com.sellavie.conversation.live;

import com.sellavie.platform.listen.PostgresListener;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's one LISTEN connection on the {@code live_events} channel ({@link PostgresListener}): each
 * notification carries a whole event (see V8__live_events.sql), handed to {@link LiveStreams}. Events may have
 * passed while the connection was lost, so once it is back every open stream is told to {@code reset}.
 */
@Component
class LiveEventListener implements SmartLifecycle, PostgresListener.Handler {

    static final String CHANNEL = "live_events";

    private static final Logger log = LoggerFactory.getLogger(LiveEventListener.class);

    private final LiveStreams streams;
    private final LiveEventLog eventLog;
    private final PostgresListener listener;

    LiveEventListener(DataSource dataSource, LiveStreams streams, LiveEventLog eventLog, LiveProperties properties) {
        this.streams = streams;
        this.eventLog = eventLog;
        this.listener = new PostgresListener(PostgresListener.ownConnections(dataSource), CHANNEL, this,
                properties.maxReconnectBackoff());
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    @Override
    public void listening(boolean afterLoss) {
        if (afterLoss) {
            streams.resetAll(eventLog.latestId());
            log.info("Live events: LISTEN connection back; open streams told to refetch");
        }
    }

    @Override
    public void notified(String payload) {
        if (streams.openStreams() == 0) {
            // Most instances, most of the time, have no console open: every message's event would be parsed for
            // nobody (2 % of the service's CPU under the DM load, docs/benchmarks.md). A stream opened after this
            // one was skipped asks for what it missed with Last-Event-ID, as after any gap.
            return;
        }
        try {
            streams.publish(LiveEvent.fromNotification(payload));
        } catch (RuntimeException e) {
            log.error("Live events: unreadable notification skipped: {}", payload, e);
        }
    }

    @Override
    public void lost(Exception cause) {
        // Logged by the listener; the streams stay open and are reset once it is back.
    }
}
