package com.sellavie.commerce.invoice;

import com.sellavie.commerce.order.Money;
import java.util.stream.Collectors;

/**
 * The receipt the customer reads once the payment is verified: what was paid, for what, and the invoice
 * number. It says only what happened; there is no public invoice link to give, so it names the shop as
 * where the invoice is available.
 */
final class ReceiptText {

    private ReceiptText() {
    }

    static String of(Invoice invoice) {
        String items = invoice.lines().stream().map(l -> l.quantity() + " x " + l.name())
                .collect(Collectors.joining(", "));
        String reference = invoice.reference() == null ? "" : " (reference " + invoice.reference() + ")";
        return "Payment received, thank you! You paid " + Money.format(invoice.totalMinor(), invoice.currency())
                + " for " + items + reference + ". Your invoice number is " + invoice.number()
                + "; the invoice is available from the shop.";
    }
}
