package com.sellavie.conversation.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's open streams, by business: opens them within the limits and fans each event out to
 * its business's streams only. Publishing never waits on a client. Metrics: {@code sellavie.live.streams}
 * (open now), {@code sellavie.live.events.sent} (events queued to a stream), {@code sellavie.live.dropped}
 * (clients dropped because they fell too far behind).
 */
@Component
class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final LiveProperties properties;
    private final Map<UUID, Set<LiveStream>> byBusiness = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** False while the service stops: no new stream opens (see LiveStreamsShutdown). */
    private volatile boolean accepting = true;
    private final Counter sent;
    private final Counter dropped;

    LiveStreams(LiveProperties properties, MeterRegistry registry) {
        this.properties = properties;
        Gauge.builder("sellavie.live.streams", open, AtomicInteger::get)
                .description("Open console event streams on this instance").register(registry);
        sent = Counter.builder("sellavie.live.events.sent").description("Live events queued to console streams")
                .register(registry);
        dropped = Counter.builder("sellavie.live.dropped")
                .description("Console streams dropped because the client fell too far behind").register(registry);
    }

    /** Opens a stream for the member, or refuses it (429) past the member's or the business's limit. */
    synchronized LiveStream open(UUID businessId, String memberId, Duration lifetime) {
        if (!accepting) {
            throw new ServiceStoppingException();
        }
        Set<LiveStream> streams = byBusiness.computeIfAbsent(businessId, id -> ConcurrentHashMap.newKeySet());
        if (streams.size() >= properties.maxStreamsPerBusiness()) {
            throw new TooManyStreamsException("business", properties.maxStreamsPerBusiness());
        }
        if (streams.stream().filter(s -> s.memberId().equals(memberId)).count() >= properties.maxStreamsPerMember()) {
            throw new TooManyStreamsException("member", properties.maxStreamsPerMember());
        }
        LiveStream stream = new LiveStream(businessId, memberId, lifetime.toMillis(), properties.streamBuffer(),
                properties.stallTimeout());
        // Counted before it is added: the listener skips notifications while nothing is counted.
        open.incrementAndGet();
        streams.add(stream);
        stream.start(this::forget);
        return stream;
    }

    /** Queues the event to every open stream of its business. */
    void publish(LiveEvent event) {
        offerAll(byBusiness.get(event.businessId()), new LiveStream.Event(event));
    }

    /** Tells every open stream to refetch: events may have been missed (the LISTEN connection was lost). */
    void resetAll(long latestId) {
        byBusiness.values().forEach(streams -> offerAll(streams, new LiveStream.Reset(latestId)));
    }

    void heartbeat() {
        byBusiness.values().forEach(streams -> offerAll(streams, new LiveStream.Heartbeat()));
    }

    /** Refuses new streams (503) and ends every open one; their clients reconnect and resume. */
    void closeAll() {
        List<LiveStream> all;
        synchronized (this) {
            accepting = false;
            all = byBusiness.values().stream().flatMap(Set::stream).toList();
        }
        if (!all.isEmpty()) {
            log.info("Ending {} live stream(s): the service is stopping", all.size());
        }
        all.forEach(LiveStream::close);
    }

    /** Opens to new streams again (the service started, or restarted within the same context). */
    void accept() {
        accepting = true;
    }

    boolean accepting() {
        return accepting;
    }

    int openStreams() {
        return open.get();
    }

    private void offerAll(Set<LiveStream> streams, LiveStream.Item item) {
        if (streams == null) {
            return;
        }
        for (LiveStream stream : streams) {
            if (stream.offer(item)) {
                if (item instanceof LiveStream.Event) {
                    sent.increment();
                }
            } else if (stream.isOpen()) {
                log.info("Dropping a live stream of business {}: its client stopped reading", stream.businessId());
                dropped.increment();
                stream.close();
            }
        }
    }

    private synchronized void forget(LiveStream stream) {
        Set<LiveStream> streams = byBusiness.get(stream.businessId());
        if (streams != null && streams.remove(stream)) {
            open.decrementAndGet();
            if (streams.isEmpty()) {
                byBusiness.remove(stream.businessId());
            }
        }
    }
}
