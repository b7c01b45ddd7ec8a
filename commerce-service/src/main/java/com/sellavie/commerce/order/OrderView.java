package com.sellavie.commerce.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it (issue 7's order shape, plus the checkout's progress and, for one order,
 * its timeline; the list leaves the timeline out).
 */
record OrderView(UUID id, String status, List<Item> items, long totalMinor, String currency, String provider,
        String reference, String checkoutUrl, String checkoutStatus, String checkoutError, UUID conversationId,
        UUID contactId, Instant createdAt, Instant paidAt, Instant expiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> timeline) {

    record Item(String sku, String name, int qty, long unitPriceMinor) {
    }

    record Event(String kind, Instant at, String detail) {
    }

    static OrderView of(Order order, boolean withTimeline) {
        return new OrderView(order.id(), order.status().name(),
                order.lines().stream().map(l -> new Item(l.sku(), l.name(), l.quantity(), l.unitPriceMinor())).toList(),
                order.totalMinor(), order.currency(), order.provider(), order.reference(), order.checkoutUrl(),
                order.checkoutStatus().name(), order.checkoutError(), order.conversationId(), order.contactId(),
                order.createdAt(), order.paidAt(), order.expiresAt(),
                withTimeline ? order.timeline().stream().map(e -> new Event(e.kind().name(), e.at(), e.detail()))
                        .toList() : null);
    }
}
