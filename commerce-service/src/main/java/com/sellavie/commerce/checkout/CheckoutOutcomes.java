package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a provider call came to, each in one transaction with its events, and only while the
 * claim is still ours: the link (CheckoutLinkCreated + the link message), a later retry, or the
 * failure (CheckoutLinkFailed + an apology). Metric {@value #METRIC}{outcome, provider}.
 */
@Component
class CheckoutOutcomes {

    static final String METRIC = "sellavie.commerce.checkout.links";
    private static final Logger log = LoggerFactory.getLogger(CheckoutOutcomes.class);

    private final CheckoutQueue queue;
    private final Orders orders;
    private final OrderStore store;
    private final CustomerMessages messages;
    private final MeterRegistry meters;
    private final Clock clock;

    CheckoutOutcomes(CheckoutQueue queue, Orders orders, OrderStore store, CustomerMessages messages,
            MeterRegistry meters, Clock clock) {
        this.queue = queue;
        this.orders = orders;
        this.store = store;
        this.messages = messages;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    void created(CheckoutQueue.Claim claim, ProviderCheckout.CreatedCheckout checkout) {
        Order order = ours(claim);
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        order.checkoutLinkCreated(checkout.url(), checkout.reference(), now, order.replyEventId());
        order.linkSent(now, false);
        messages.send(order.businessId(), order.conversationId(), order.correlationId(), order.replyEventId(),
                CustomerTexts.link(order), CustomerMessages.CHECKOUT_LINK, order.id().toString());
        store.save(order);
        queue.release(claim);
        meters.counter(METRIC, "outcome", "created", "provider", order.provider()).increment();
        log.info("Checkout link for order {} (business {}) created with {} after {} attempt(s), reference {}",
                order.id(), order.businessId(), order.provider(), claim.attempts(), order.reference());
    }

    @Transactional
    void retryLater(CheckoutQueue.Claim claim, String provider, Duration delay, String error) {
        Order order = ours(claim);
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        order.retryCheckoutAt(now.plus(delay), error, now);
        store.save(order);
        queue.release(claim);
        meters.counter(METRIC, "outcome", "retried", "provider", provider).increment();
        log.warn("Checkout link for order {} (business {}) not created, attempt {}: {}; retry in {}", order.id(),
                order.businessId(), claim.attempts(), error, delay);
    }

    /** @param reason PROVIDER_REFUSED, PROVIDER_UNAVAILABLE or NOT_CONFIGURED */
    @Transactional
    void failed(CheckoutQueue.Claim claim, String provider, String reason, String detail) {
        Order order = ours(claim);
        if (order == null) {
            return;
        }
        order.checkoutLinkFailed(reason, detail, claim.attempts(), clock.instant(), order.replyEventId());
        messages.send(order.businessId(), order.conversationId(), order.correlationId(), order.replyEventId(),
                CustomerTexts.linkFailed(order), CustomerMessages.CHECKOUT_FAILED, order.id().toString());
        store.save(order);
        queue.release(claim);
        meters.counter(METRIC, "outcome", "failed", "provider", provider).increment();
        log.error("Checkout link for order {} (business {}) given up after {} attempt(s): {}: {}; the team is alerted",
                order.id(), order.businessId(), claim.attempts(), reason, detail);
    }

    /** The order, locked, while the claim is ours and the link still to be made; null otherwise (cancelled meanwhile...). */
    private Order ours(CheckoutQueue.Claim claim) {
        if (!queue.lockIfStillOurs(claim)) {
            log.warn("{}: the claim was lost (lease ran out); its outcome is not recorded", claim);
            return null;
        }
        Order order = orders.findById(claim.orderId()).orElse(null);
        if (order == null || !order.isOpen()) {
            queue.release(claim);
            return null;
        }
        return order;
    }
}
