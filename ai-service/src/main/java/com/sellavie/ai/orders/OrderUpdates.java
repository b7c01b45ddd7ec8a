package com.sellavie.ai.orders;

import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies commerce's order events to the assistant's copy, in the caller's (the inbox's) transaction.
 * Amounts and items are the event's own (priced by commerce from the catalog), never recomputed here.
 * A status for an order this copy never saw placed (placed before the topic's retention, or a producer
 * bug) changes nothing: logged and counted ({@code sellavie.ai.orders.unknown}).
 */
@Service
public class OrderUpdates {

    private static final Logger log = LoggerFactory.getLogger(OrderUpdates.class);

    private final ContactOrderRows rows;
    private final MeterRegistry meters;

    OrderUpdates(ContactOrderRows rows, MeterRegistry meters) {
        this.rows = rows;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(OrderPlaced event) {
        UUID business = tenantOf(event.getBusinessId());
        String items = event.getItems().stream()
                .map(line -> line.getQuantity() + " x " + line.getName() + " (" + line.getSku() + ")")
                .collect(Collectors.joining("; "));
        boolean applied = rows.placed(business, event.getOrderId(), event.getContactId(), event.getConversationId(),
                items, event.getTotalMinor(), event.getCurrency(), Timestamp.from(event.getOccurredAt()));
        log.info("Order {} of business {} {}", event.getOrderId(), business, applied ? "recorded" : "already known");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(OrderPaid event) {
        status(event.getBusinessId(), event.getOrderId(), OrderStatus.PAID, event.getOccurredAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(PaymentFailed event) {
        status(event.getBusinessId(), event.getOrderId(), OrderStatus.PAYMENT_FAILED, event.getOccurredAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(OrderCancelled event) {
        status(event.getBusinessId(), event.getOrderId(), OrderStatus.CANCELLED, event.getOccurredAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(OrderExpired event) {
        status(event.getBusinessId(), event.getOrderId(), OrderStatus.EXPIRED, event.getOccurredAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(OrderRefunded event) {
        status(event.getBusinessId(), event.getOrderId(), OrderStatus.REFUNDED, event.getOccurredAt());
    }

    private void status(UUID eventBusinessId, UUID orderId, OrderStatus status, Instant occurredAt) {
        UUID business = tenantOf(eventBusinessId);
        if (rows.status(business, orderId, status, Timestamp.from(occurredAt))) {
            log.info("Order {} of business {} is now {}", orderId, business, status);
        } else if (rows.known(business, orderId)) {
            log.info("Order {} of business {} unchanged: a later status than {} is already stored", orderId,
                    business, status);
        } else {
            log.warn("Order {} of business {} reported {} but was never seen placed: not recorded", orderId,
                    business, status);
            meters.counter("sellavie.ai.orders.unknown", "status", status.name()).increment();
        }
    }

    /** The record's tenant (businessId header), which must be the event's own: a mismatch goes to the DLT. */
    private static UUID tenantOf(UUID eventBusinessId) {
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(eventBusinessId)) {
            throw new IllegalArgumentException("businessId header " + tenant + " differs from the event's "
                    + eventBusinessId);
        }
        return tenant;
    }
}
