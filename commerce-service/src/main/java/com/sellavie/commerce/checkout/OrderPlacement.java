package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.CheckoutStatus;
import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderProperties;
import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reply's CHECKOUT actions -> one order priced from the catalog, due for its checkout link; or the
 * open order for the same items re-sent; or a rejection. Runs in the inbox transaction of the reply.
 */
@Component
class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final Orders orders;
    private final OrderStore store;
    private final CheckoutPricing pricing;
    private final CheckoutAccounts accounts;
    private final Rejections rejections;
    private final CustomerMessages messages;
    private final JdbcTemplate jdbc;
    private final OrderProperties orderProperties;
    private final MeterRegistry meters;
    private final Clock clock;

    OrderPlacement(Orders orders, OrderStore store, CheckoutPricing pricing, CheckoutAccounts accounts,
            Rejections rejections, CustomerMessages messages, JdbcTemplate jdbc, OrderProperties orderProperties,
            MeterRegistry meters, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.pricing = pricing;
        this.accounts = accounts;
        this.rejections = rejections;
        this.messages = messages;
        this.jdbc = jdbc;
        this.orderProperties = orderProperties;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return the order placed, if one was */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Order> place(ReplyGenerated reply, List<CheckoutAction> actions) {
        UUID businessId = reply.getBusinessId();
        String replyEventId = reply.getEventId().toString();
        UUID customer = Order.customerKey(reply.getContactId(), reply.getConversationId());
        // One customer's checkouts one at a time (two replies on two partitions could race past the guard).
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null,
                "checkout:" + businessId + ":" + customer);
        if (orders.findByBusinessIdAndReplyEventId(businessId, replyEventId).isPresent()) {
            // The inbox already guards redeliveries; this covers a replay under another event id header.
            return Optional.empty();
        }
        CheckoutPricing.Priced priced = pricing.price(businessId, AskedItem.of(actions));
        if (priced.rejection() != null) {
            rejections.reject(reply, priced.rejection());
            return Optional.empty();
        }
        Optional<Order> open = orders.findOpen(businessId, customer, Order.itemsKey(priced.lines()));
        if (open.isPresent()) {
            resend(reply, open.get());
            return Optional.empty();
        }
        Optional<CheckoutAccounts.CheckoutAccount> account = accounts.defaultFor(businessId);
        if (account.isEmpty()) {
            rejections.reject(reply, Rejection.noProvider());
            return Optional.empty();
        }
        Instant now = clock.instant();
        Order order = Order.place(EventMetadata.newEventId(), businessId, reply.getConversationId(),
                reply.getContactId(), replyEventId, reply.getCorrelationId(), priced.lines(), priced.currency(),
                account.get().provider(), now, orderProperties.expireAfter()).fromChannel(reply.getChannelType());
        Order saved = store.save(order);
        meters.counter("sellavie.commerce.orders.placed", "provider", saved.provider()).increment();
        log.info("Order {} placed from reply {} (business {}, conversation {}): {} {} with {}", saved.id(),
                replyEventId, businessId, reply.getConversationId(), saved.totalMinor(), saved.currency(),
                saved.provider());
        return Optional.of(saved);
    }

    /** Asked again while the order is open: its link once more, or nothing while the link is being made. */
    private void resend(ReplyGenerated reply, Order order) {
        if (order.checkoutStatus() != CheckoutStatus.CREATED) {
            log.info("Reply {} asks for the items of open order {} whose link is {}: nothing more to do",
                    reply.getEventId(), order.id(), order.checkoutStatus());
            return;
        }
        messages.send(order.businessId(), reply.getConversationId(), reply.getCorrelationId(),
                reply.getEventId().toString(), CustomerTexts.linkAgain(order), CustomerMessages.CHECKOUT_LINK,
                order.id().toString());
        order.linkSent(clock.instant(), true);
        store.save(order);
        meters.counter("sellavie.commerce.checkout.links.resent").increment();
    }
}
