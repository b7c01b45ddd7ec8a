package com.sellavie.commerce.order;

import com.sellavie.platform.retention.RetentionJob;
import org.springframework.stereotype.Component;

/** Runs {@link OrderExpiryJob} every {@code expiry-interval} on its own daemon thread; a failed run is retried next time. */
@Component
class OrderExpiryScheduler extends RetentionJob {

    private final OrderExpiryJob job;

    OrderExpiryScheduler(OrderExpiryJob job, OrderProperties properties) {
        super("order-expiry", properties.expiryInterval());
        this.job = job;
    }

    @Override
    public int deleteExpired() {
        return job.expireDue();
    }
}
