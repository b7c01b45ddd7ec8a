package com.sellavie.commerce.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it: the list shows {@code id, number, orderId, totalMinor, currency, issuedAt};
 * one invoice adds {@code paidAt, provider, reference, items} and, when commerce knows it, {@code businessName}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InvoiceView(UUID id, String number, UUID orderId, long totalMinor, String currency, Instant issuedAt,
        Instant paidAt, String provider, String reference, List<Item> items, String businessName) {

    record Item(String sku, String name, int qty, long unitPriceMinor) {
    }

    static InvoiceView summary(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.number(), invoice.orderId(), invoice.totalMinor(),
                invoice.currency(), invoice.issuedAt(), null, null, null, null, null);
    }

    static InvoiceView detail(Invoice invoice, String businessName) {
        return new InvoiceView(invoice.id(), invoice.number(), invoice.orderId(), invoice.totalMinor(),
                invoice.currency(), invoice.issuedAt(), invoice.paidAt(), invoice.provider(), invoice.reference(),
                invoice.lines().stream().map(l -> new Item(l.sku(), l.name(), l.quantity(), l.unitPriceMinor()))
                        .toList(), businessName);
    }
}
