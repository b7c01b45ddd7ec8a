package com.sellavie.ai.reply;

import com.sellavie.platform.retention.RetentionJob;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes finished reply jobs (DONE, FAILED, EXPIRED) older than {@code sellavie.ai.reply-job-retention},
 * business by business, in batches, every {@code reply-job-cleanup-interval}. Every instance may run
 * it: deleting the same rows twice is harmless. A redelivered request older than that is still
 * absorbed by the inbox (its own retention, 14 days by default).
 */
@Component
class ReplyJobRetention extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(ReplyJobRetention.class);
    private static final int BUSINESSES_PER_ROUND = 100;
    private static final int BATCH = 1000;

    private final ReplyJobs jobs;
    private final Tenancy tenancy;
    private final ReplyJobProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    ReplyJobRetention(ReplyJobs jobs, Tenancy tenancy, ReplyJobProperties properties, MeterRegistry meters,
            Clock clock) {
        super("reply-job-retention", properties.replyJobCleanupInterval());
        this.jobs = jobs;
        this.tenancy = tenancy;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Deletes every finished job past retention; returns how many. */
    @Override
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.replyJobRetention());
        int total = 0;
        List<UUID> businesses;
        do {
            businesses = tenancy.globalLookup(ReplyJobs.FINISHED_LOOKUP,
                    () -> jobs.businessesWithJobsFinishedBefore(cutoff, BUSINESSES_PER_ROUND));
            for (UUID business : businesses) {
                total += inBatches(BATCH, () -> tenancy.callAs(business,
                        () -> jobs.deleteFinishedBefore(business, cutoff, BATCH)));
            }
        } while (businesses.size() == BUSINESSES_PER_ROUND);
        if (total > 0) {
            log.info("Reply job retention deleted {} jobs finished before {}", total, cutoff);
        }
        return total;
    }

    @Override
    protected void failed(RuntimeException failure) {
        meters.counter("sellavie.ai.reply_jobs.retention_failures").increment();
    }
}
