package com.sellavie.conversation.handoff;

import com.sellavie.conversation.handoff.HandoffStore.QuietConversation;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code sellavie.handoff.quiet-check-interval}, gives the HUMAN conversations nobody (customer
 * or member) wrote in for their business's quiet period back to the assistant. Every instance runs
 * it: candidates come from a read-only global lookup (ids only), and each is re-checked and changed as
 * its business under the conversation's row lock, so two instances release it once.
 */
@Component
class QuietPeriodRelease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuietPeriodRelease.class);
    private static final int BATCH = 100;

    private final HandoffStore store;
    private final ConversationModes modes;
    private final Tenancy tenancy;
    private final Duration interval;
    private final Counter released;
    private final Counter failures;
    private ScheduledExecutorService scheduler;

    QuietPeriodRelease(HandoffStore store, ConversationModes modes, Tenancy tenancy, MeterRegistry meters,
            @Value("${sellavie.handoff.quiet-check-interval:30s}") Duration interval) {
        this.store = store;
        this.modes = modes;
        this.tenancy = tenancy;
        this.interval = interval;
        this.released = meters.counter("sellavie.handoff.quiet_releases");
        this.failures = meters.counter("sellavie.handoff.quiet_release_failures");
    }

    /** One pass; returns how many conversations went back to the assistant. */
    int releaseQuietConversations() {
        int count = 0;
        for (QuietConversation quiet : store.quiet(HandoffSettings.DEFAULT_QUIET_PERIOD_MINUTES, BATCH)) {
            if (tenancy.callAs(quiet.businessId(), () -> modes.releaseIfQuiet(quiet.businessId(),
                    quiet.conversationId(), HandoffSettings.DEFAULT_QUIET_PERIOD_MINUTES))) {
                released.increment();
                count++;
            }
        }
        return count;
    }

    private void runQuietly() {
        try {
            releaseQuietConversations();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Quiet-period release failed, retrying in {}: {}: {}", interval, e.getClass().getName(),
                    e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("handoff-quiet-period").unstarted(r));
            scheduler.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
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
}
