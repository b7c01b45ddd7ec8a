package com.sellavie.ai.reply;

import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.InvoiceAction;
import com.sellavie.events.ai.PaymentStatusAction;
import com.sellavie.events.ai.ReplyGenerated;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The kinds of action a reply carries, as the attack corpus and the golden set name them. */
final class ReplyActions {

    private ReplyActions() {
    }

    /** {@code checkout}, {@code handoff}, {@code invoice}, {@code payment_status}; {@code unknown X} otherwise. */
    static Set<String> kinds(ReplyGenerated reply) {
        return reply.getActions().stream().map(action -> switch (action) {
            case CheckoutAction c -> "checkout";
            case HandoffAction h -> "handoff";
            case InvoiceAction i -> "invoice";
            case PaymentStatusAction p -> "payment_status";
            default -> "unknown " + action.getClass().getSimpleName();
        }).collect(Collectors.toCollection(TreeSet::new));
    }
}
