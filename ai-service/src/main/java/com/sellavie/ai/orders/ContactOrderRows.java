package com.sellavie.ai.orders;

import com.sellavie.ai.knowledge.BusinessKnowledge.Order;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code contact_orders} table: one row per order of commerce.orders, its latest status. Runs as the
 * current tenant (row-level security).
 */
@Repository
class ContactOrderRows {

    private static final String OPEN = Arrays.stream(OrderStatus.values()).filter(status -> status.open)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    ContactOrderRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a placed order; a row already there (a later status arrived first) keeps its status. */
    boolean placed(UUID businessId, UUID orderId, UUID contactId, UUID conversationId, String items,
            long totalMinor, String currency, Timestamp occurredAt) {
        return jdbc.update("INSERT INTO contact_orders (business_id, order_id, contact_id, conversation_id, status, "
                + "items, total_minor, currency, placed_at, occurred_at) VALUES (?, ?, ?, ?, 'AWAITING_PAYMENT', ?, ?, "
                + "?, ?, ?) ON CONFLICT (business_id, order_id) DO NOTHING", businessId, orderId, contactId,
                conversationId, items, totalMinor, currency, occurredAt, occurredAt) == 1;
    }

    /** Moves a known order to this status unless a later event already set one. Returns whether it changed. */
    boolean status(UUID businessId, UUID orderId, OrderStatus status, Timestamp occurredAt) {
        return jdbc.update("UPDATE contact_orders SET status = ?, occurred_at = ?, updated_at = now() "
                + "WHERE business_id = ? AND order_id = ? AND occurred_at <= ?", status.name(), occurredAt,
                businessId, orderId, occurredAt) == 1;
    }

    boolean known(UUID businessId, UUID orderId) {
        return !jdbc.queryForList("SELECT 1 FROM contact_orders WHERE business_id = ? AND order_id = ?",
                Integer.class, businessId, orderId).isEmpty();
    }

    /**
     * The customer's orders, newest first: the contact's (with their conversation's placed without a
     * contact id), or for a request without a contact the conversation's; open ones, and closed ones
     * changed after {@code closedSince}.
     */
    List<Order> of(UUID businessId, UUID contactId, UUID conversationId, Timestamp closedSince, int limit) {
        // a conversation is one contact's: its orders placed without a contact id are theirs too
        String whose = contactId != null ? "(contact_id = ? OR (contact_id IS NULL AND conversation_id = ?))"
                : "conversation_id = ?";
        Object[] args = contactId != null
                ? new Object[] {businessId, contactId, conversationId, closedSince, limit}
                : new Object[] {businessId, conversationId, closedSince, limit};
        return jdbc.query("SELECT order_id, status, items, total_minor, currency, placed_at FROM contact_orders "
                + "WHERE business_id = ? AND " + whose + " AND (status IN (" + OPEN + ") OR occurred_at >= ?) "
                + "ORDER BY placed_at DESC, order_id LIMIT ?",
                (rs, n) -> new Order(rs.getString("order_id"), OrderStatus.valueOf(rs.getString("status")).label(),
                        rs.getString("items"), rs.getLong("total_minor"), rs.getString("currency"),
                        rs.getTimestamp("placed_at").toInstant()),
                args);
    }
}
