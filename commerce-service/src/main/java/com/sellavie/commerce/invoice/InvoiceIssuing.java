package com.sellavie.commerce.invoice;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A paid order's invoice, in the caller's transaction: the number taken from the locked counter, the
 * invoice, {@code InvoiceIssued}, the receipt request and the order's timeline all commit together or
 * not at all (a rolled-back issue gives its number back).
 */
@Service
class InvoiceIssuing {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuing.class);

    private final Orders orders;
    private final OrderStore store;
    private final InvoiceRecords invoices;
    private final InvoiceReceipts receipts;
    private final Outbox outbox;
    private final Clock clock;

    InvoiceIssuing(Orders orders, OrderStore store, InvoiceRecords invoices, InvoiceReceipts receipts, Outbox outbox,
            Clock clock) {
        this.orders = orders;
        this.store = store;
        this.invoices = invoices;
        this.receipts = receipts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The order's invoice if this call issued it; empty when the order already had one. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Invoice> issue(OrderPaid paid) {
        UUID businessId = paid.getBusinessId();
        Order order = orders.findById(paid.getOrderId()).filter(o -> o.businessId().equals(businessId))
                .orElseThrow(() -> new IllegalStateException("OrderPaid " + paid.getEventId() + " names order "
                        + paid.getOrderId() + ", which business " + businessId + " does not have"));
        if (paid.getAmountMinor() != order.totalMinor() || !paid.getCurrency().equals(order.currency())) {
            // Payments only marks an order paid when amount and currency match; a difference is worth a look.
            log.warn("OrderPaid {} for order {} says {} {}, the order totals {} {}: invoicing the order", paid.getEventId(),
                    order.id(), paid.getAmountMinor(), paid.getCurrency(), order.totalMinor(), order.currency());
        }
        Instant paidAt = paid.getPaidAt();
        int year = Invoice.yearOf(paidAt);
        // Lock first, then insert: a concurrent OrderPaid of the same order waits (here, or on the unique order_id)
        // and then finds the invoice, inserting nothing and leaving the counter as it was.
        int next = invoices.lockCounter(businessId, year) + 1;
        Instant now = clock.instant();
        Invoice invoice = Invoice.of(EventMetadata.newEventId(), order, paidAt, next, now);
        if (!invoices.insertIfFirst(invoice)) {
            return Optional.empty();
        }
        invoices.advanceCounter(businessId, year, next);
        String causation = paid.getEventId().toString();
        outbox.publish(InvoiceIssued.newBuilder().setEventId(EventMetadata.newEventId()).setOccurredAt(now)
                .setBusinessId(businessId).setCorrelationId(paid.getCorrelationId()).setCausationId(causation)
                .setOrderId(order.id()).setConversationId(order.conversationId()).setInvoiceId(invoice.id())
                .setNumber(invoice.number()).setTotalMinor(invoice.totalMinor()).setCurrency(invoice.currency())
                .build(), order.id().toString());
        receipts.request(invoice, paid);
        order.invoiceIssued(invoice.number(), now);
        store.save(order);
        return Optional.of(invoice);
    }
}
