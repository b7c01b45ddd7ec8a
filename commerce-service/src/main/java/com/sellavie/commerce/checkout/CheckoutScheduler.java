package com.sellavie.commerce.checkout;

import com.sellavie.commerce.work.LeasedWorkScheduler;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drains due checkout links ({@link LeasedWorkScheduler}): claimed as their business, each worked by one
 * of {@code workers} threads, so a provider that hangs holds one worker, never the Kafka consumers nor
 * the other businesses' checkouts. Woken when an order is placed. A claim not finished at stop runs out
 * its lease and another instance makes the link: Stripe's idempotency key (the order id) and our
 * Paystack/Flutterwave reference keep a second call harmless.
 */
@Component
class CheckoutScheduler extends LeasedWorkScheduler<CheckoutQueue.Claim> {

    private static final Logger log = LoggerFactory.getLogger(CheckoutScheduler.class);

    private final CheckoutQueue queue;
    private final CheckoutWorker worker;
    private final CheckoutProperties properties;
    private final MeterRegistry meters;

    CheckoutScheduler(CheckoutQueue queue, CheckoutWorker worker, Tenancy tenancy, CheckoutProperties properties,
            MeterRegistry meters) {
        super("checkout", "checkout links", CheckoutQueue.DUE_LOOKUP, tenancy, properties.workers(),
                properties.pollInterval(), meters, "sellavie.commerce.checkout.poll_failures");
        this.queue = queue;
        this.worker = worker;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected List<Due> due(int limit) {
        return queue.due(limit).stream().map(d -> new Due(d.orderId(), d.businessId())).toList();
    }

    @Override
    protected Optional<CheckoutQueue.Claim> claim(Due due) {
        return queue.claim(due.id(), properties.lease());
    }

    @Override
    protected void work(CheckoutQueue.Claim claim) {
        worker.work(claim);
    }

    @Override
    protected void workFailed(CheckoutQueue.Claim claim, RuntimeException e) {
        meters.counter(CheckoutOutcomes.METRIC, "outcome", "error", "provider", "unknown").increment();
        log.warn("{} failed: {}: {}; claimable again when its lease ends", claim, e.getClass().getName(),
                e.getMessage());
    }
}
