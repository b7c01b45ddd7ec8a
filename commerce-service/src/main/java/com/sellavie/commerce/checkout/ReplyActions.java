package com.sellavie.commerce.checkout;

import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.InvoiceAction;
import com.sellavie.events.ai.PaymentStatusAction;
import com.sellavie.events.ai.ReplyGenerated;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The commerce actions of one reply: its CHECKOUT actions make one order; INVOICE and PAYMENT_STATUS are answered. */
@Component
class ReplyActions {

    private final OrderPlacement placement;
    private final OrderQuestions questions;

    ReplyActions(OrderPlacement placement, OrderQuestions questions) {
        this.placement = placement;
        this.questions = questions;
    }

    /** @return whether an order was placed (its link is then due) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean handle(ReplyGenerated reply) {
        List<CheckoutAction> checkouts = reply.getActions().stream().filter(CheckoutAction.class::isInstance)
                .map(CheckoutAction.class::cast).toList();
        boolean placed = !checkouts.isEmpty() && placement.place(reply, checkouts).isPresent();
        for (Object action : reply.getActions()) {
            if (action instanceof PaymentStatusAction status) {
                questions.paymentStatus(reply, status.getOrderId());
            } else if (action instanceof InvoiceAction invoice) {
                questions.invoice(reply, invoice.getOrderId());
            }
            // HandoffAction belongs to conversation-service.
        }
        return placed;
    }
}
