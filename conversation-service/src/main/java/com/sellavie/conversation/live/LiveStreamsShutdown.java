package com.sellavie.conversation.live;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends this instance's console streams when the service stops, just before the web server's graceful
 * shutdown. An event stream is a request that never finishes by itself, so without this Tomcat waits out
 * its whole shutdown phase (10 s) for every open console tab. Streams asked for after this point get a
 * 503; the console reconnects with backoff (through the gateway, to another instance or to this one once
 * it is back) and resumes from its last event id, so nothing is missed.
 */
@Component
class LiveStreamsShutdown implements SmartLifecycle {

    /** Higher phases stop first: just before the web server's graceful shutdown (after the Kafka listeners). */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

    private final LiveStreams streams;

    LiveStreamsShutdown(LiveStreams streams) {
        this.streams = streams;
    }

    @Override
    public void start() {
        streams.accept();
    }

    @Override
    public void stop() {
        streams.closeAll();
    }

    @Override
    public boolean isRunning() {
        return streams.accepting();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
