package com.sellavie.ai.actiontag;

import java.util.List;
import java.util.Objects;

/** A validated action the model asked for with a tag; the typed form of ARCHITECTURE.md's action tags. */
public sealed interface Action {

    /** {@code [[HANDOFF reason="..."]]}: hand the conversation to a person. */
    record Handoff(String reason) implements Action {
        public Handoff {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Every {@code [[CHECKOUT sku=... qty=...]]} of one reply, merged: skus exist in the tenant's catalog. */
    record Checkout(List<Item> items) implements Action {
        public Checkout {
            items = List.copyOf(items);
        }

        /** One line: a catalog sku and a positive quantity. */
        public record Item(String sku, int quantity) {
        }
    }

    /** {@code [[INVOICE order=...]]}: issue and send the invoice of an order. */
    record Invoice(String orderId) implements Action {
    }

    /** {@code [[PAYMENT_STATUS order=...]]}: tell the customer where an order's payment stands. */
    record PaymentStatus(String orderId) implements Action {
    }
}
