package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.Orders;
import com.sellavie.events.ai.ReplyGenerated;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * INVOICE and PAYMENT_STATUS actions, answered only about an order of the asking conversation's own
 * customer in that business: a customer can never learn another customer's order by asking the model.
 */
@Component
class OrderQuestions {

    private static final Logger log = LoggerFactory.getLogger(OrderQuestions.class);

    private final Orders orders;
    private final InvoiceNumbers invoices;
    private final CustomerMessages messages;
    private final MeterRegistry meters;

    OrderQuestions(Orders orders, InvoiceNumbers invoices, CustomerMessages messages, MeterRegistry meters) {
        this.orders = orders;
        this.invoices = invoices;
        this.messages = messages;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void paymentStatus(ReplyGenerated reply, String orderRef) {
        answer(reply, orderRef, CustomerMessages.PAYMENT_STATUS, CustomerTexts::paymentStatus);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void invoice(ReplyGenerated reply, String orderRef) {
        answer(reply, orderRef, CustomerMessages.INVOICE,
                order -> CustomerTexts.invoice(order, invoices.numberOf(order.id()).orElse(null)));
    }

    private void answer(ReplyGenerated reply, String orderRef, String purpose,
            java.util.function.Function<Order, String> text) {
        Optional<Order> order = find(reply.getBusinessId(), orderRef)
                .filter(o -> o.belongsTo(reply.getContactId(), reply.getConversationId()));
        if (order.isEmpty()) {
            meters.counter("sellavie.commerce.order_questions.refused", "purpose", purpose).increment();
            log.warn("{} for order '{}' refused: no such order of this customer (business {}, conversation {}, "
                    + "contact {}, reply {})", purpose, ProviderHttp.shorten(orderRef), reply.getBusinessId(), reply.getConversationId(),
                    reply.getContactId(), reply.getEventId());
            messages.send(reply.getBusinessId(), reply.getConversationId(), reply.getCorrelationId(),
                    reply.getEventId().toString(), CustomerTexts.noSuchOrder(), purpose, null);
            return;
        }
        messages.send(reply.getBusinessId(), reply.getConversationId(), reply.getCorrelationId(),
                reply.getEventId().toString(), text.apply(order.get()), purpose, order.get().id().toString());
        meters.counter("sellavie.commerce.order_questions.answered", "purpose", purpose).increment();
    }

    /** By order id, or by the provider reference the customer may have seen. Row-level security: this business only. */
    private Optional<Order> find(UUID businessId, String orderRef) {
        if (orderRef == null || orderRef.isBlank()) {
            return Optional.empty();
        }
        String ref = orderRef.strip();
        try {
            return orders.findById(UUID.fromString(ref)).filter(o -> o.businessId().equals(businessId));
        } catch (IllegalArgumentException notAnId) {
            return orders.findByBusinessIdAndReference(businessId, ref);
        }
    }
}
