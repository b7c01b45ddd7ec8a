package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.work.LeasedWorkScheduler;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drains due payment notifications ({@link LeasedWorkScheduler}): claimed as their business, each worked
 * by one of {@code workers} threads, so a verify endpoint that hangs or fails holds one worker, never the
 * Kafka consumer nor the other businesses' payments. Woken when a notification is recorded. A claim not
 * finished at stop runs out its lease and is worked again: a verify call is a read, harmless twice.
 */
@Component
class ReconcileScheduler extends LeasedWorkScheduler<PaymentNotifications.Claim> {

    private static final Logger log = LoggerFactory.getLogger(ReconcileScheduler.class);

    private final PaymentNotifications notifications;
    private final Reconciler reconciler;
    private final ReconcileProperties properties;
    private final MeterRegistry meters;

    ReconcileScheduler(PaymentNotifications notifications, Reconciler reconciler, Tenancy tenancy,
            ReconcileProperties properties, MeterRegistry meters) {
        super("payment-reconcile", "payment notifications", PaymentNotifications.DUE_LOOKUP, tenancy,
                properties.workers(), properties.pollInterval(), meters, "sellavie.commerce.payments.poll_failures");
        this.notifications = notifications;
        this.reconciler = reconciler;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected List<Due> due(int limit) {
        return notifications.due(limit);
    }

    @Override
    protected Optional<PaymentNotifications.Claim> claim(Due due) {
        return notifications.claim(due.id(), properties.lease());
    }

    @Override
    protected void work(PaymentNotifications.Claim claim) {
        reconciler.work(claim);
    }

    @Override
    protected void workFailed(PaymentNotifications.Claim claim, RuntimeException e) {
        meters.counter(ReconcileOutcomes.METRIC, "outcome", "error", "provider", "unknown").increment();
        log.warn("{} failed: {}: {}; claimable again when its lease ends", claim, e.getClass().getName(),
                e.getMessage());
    }
}
