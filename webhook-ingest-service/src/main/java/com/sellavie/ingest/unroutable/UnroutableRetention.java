package com.sellavie.ingest.unroutable;

import com.sellavie.platform.retention.RetentionJob;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes kept unroutable DMs older than {@code sellavie.ingest.unroutable.retention}, in batches,
 * on its own thread ({@code sellavie.ingest.unroutable.expired} counts them).
 */
@Component
public class UnroutableRetention extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(UnroutableRetention.class);

    private final UnroutableMessages messages;
    private final UnroutableProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    UnroutableRetention(UnroutableMessages messages, UnroutableProperties properties, MeterRegistry meters) {
        super("unroutable-retention", properties.cleanupInterval());
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
    }

    /** Deletes every kept message received before the retention window; returns how many. */
    @Override
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = inBatches(properties.cleanupBatch(), () -> messages.deleteReceivedBefore(cutoff, properties.cleanupBatch()));
        if (total > 0) {
            meters.counter("sellavie.ingest.unroutable.expired").increment(total);
            log.info("Deleted {} unroutable messages received before {} (retention {}) without a channel to route them",
                    total, cutoff, properties.retention());
        }
        return total;
    }

    @Override
    protected void failed(RuntimeException failure) {
        meters.counter("sellavie.ingest.unroutable.cleanup_failures").increment();
    }
}
