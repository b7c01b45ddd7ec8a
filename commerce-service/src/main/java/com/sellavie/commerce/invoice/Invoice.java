package com.sellavie.commerce.invoice;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderLine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A paid order's invoice: a snapshot of its lines, total, reference, provider and payment time, under
 * the number {@code INV-<year>-<sequence, 6 digits>} (the year of the payment, in UTC).
 */
record Invoice(UUID id, UUID businessId, UUID orderId, String number, int year, int sequence, long totalMinor,
        String currency, String provider, String reference, UUID conversationId, Instant paidAt, Instant issuedAt,
        List<InvoiceLine> lines) {

    Invoice {
        lines = List.copyOf(lines);
    }

    /** The invoice of {@code order}, paid at {@code paidAt}, with the {@code sequence}-th number of that year. */
    static Invoice of(UUID id, Order order, Instant paidAt, int sequence, Instant now) {
        int year = yearOf(paidAt);
        return new Invoice(id, order.businessId(), order.id(), number(year, sequence), year, sequence,
                order.totalMinor(), order.currency(), order.provider(), order.reference(), order.conversationId(),
                paidAt, now, order.lines().stream().map(InvoiceLine::of).toList());
    }

    /** Numbers restart every year: the year of the payment, in UTC (the same everywhere). */
    static int yearOf(Instant paidAt) {
        return paidAt.atZone(ZoneOffset.UTC).getYear();
    }

    /** "INV-2026-000042"; past 999,999 in a year the sequence simply grows wider. */
    static String number(int year, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return "INV-%d-%06d".formatted(year, sequence);
    }

    record InvoiceLine(String sku, String name, int quantity, long unitPriceMinor) {

        static InvoiceLine of(OrderLine line) {
            return new InvoiceLine(line.sku(), line.name(), line.quantity(), line.unitPriceMinor());
        }

        long totalMinor() {
            return Math.multiplyExact(unitPriceMinor, (long) quantity);
        }
    }
}
