package com.sellavie.commerce.order;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One thing that happened to an order, as the console's timeline shows it. */
@Table("order_timeline")
public record TimelineEntry(UUID businessId, Kind kind, Instant at, String detail) {

    /** What happened. */
    public enum Kind {
        PLACED,
        LINK_CREATED,
        LINK_FAILED,
        LINK_SENT,
        LINK_RESENT,
        PAID,
        PAYMENT_FAILED,
        EXPIRED,
        CANCELLED,
        REFUNDED,
        INVOICE_ISSUED,
        /** A payment notification that did not match; nothing was changed by it. */
        DISCREPANCY
    }
}
