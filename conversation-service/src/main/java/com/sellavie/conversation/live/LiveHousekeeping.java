package com.sellavie.conversation.live;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Heartbeats on every open stream (so proxies keep them), and the purge of events past their retention. */
@Component
class LiveHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHousekeeping.class);

    private final LiveStreams streams;
    private final LiveEventLog eventLog;
    private final LiveProperties properties;
    private ScheduledExecutorService scheduler;

    LiveHousekeeping(LiveStreams streams, LiveEventLog eventLog, LiveProperties properties) {
        this.streams = streams;
        this.eventLog = eventLog;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-housekeeping")
                .factory());
        long heartbeat = properties.heartbeat().toMillis();
        long purge = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(streams::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purge, purge, purge, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    void purge() {
        try {
            eventLog.purgeBefore(Instant.now().minus(properties.retention()));
        } catch (RuntimeException e) {
            // The next round tries again; until then resumes simply replay a little more.
            log.warn("Live events: purge failed: {}", e.toString(), e);
        }
    }
}
