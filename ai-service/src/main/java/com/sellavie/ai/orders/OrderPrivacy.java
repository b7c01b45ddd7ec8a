package com.sellavie.ai.orders;

import com.sellavie.platform.privacy.PrivacySubject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The subject's part of {@code contact_orders}, for the service's privacy handler (one per service):
 * a contact's orders (theirs, and their conversations' orders placed without a contact), or a whole
 * business's. Runs as the subject's business in the platform's transaction.
 */
@Component
public class OrderPrivacy {

    private final JdbcTemplate jdbc;

    OrderPrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders, as the assistant knew them, oldest first. */
    public List<Map<String, Object>> export(PrivacySubject subject, List<UUID> conversations) {
        Rows of = Rows.of(subject, conversations);
        return jdbc.query("SELECT order_id, conversation_id, status, items, total_minor, currency, placed_at "
                + "FROM contact_orders WHERE " + of.where + " ORDER BY placed_at, order_id", (rs, n) -> {
                    Map<String, Object> order = new LinkedHashMap<>();
                    order.put("orderId", rs.getString("order_id"));
                    order.put("conversationId", rs.getString("conversation_id"));
                    order.put("status", rs.getString("status"));
                    order.put("items", rs.getString("items"));
                    order.put("totalMinor", rs.getLong("total_minor"));
                    order.put("currency", rs.getString("currency"));
                    order.put("placedAt", rs.getTimestamp("placed_at").toInstant().toString());
                    return order;
                }, of.args);
    }

    /** Deletes them; returns how many. */
    public int erase(PrivacySubject subject, List<UUID> conversations) {
        Rows of = Rows.of(subject, conversations);
        return jdbc.update("DELETE FROM contact_orders WHERE " + of.where, of.args);
    }

    /**
     * {@code conversations}: the contact's conversations the caller knows of, whose orders without a
     * contact are theirs too.
     */
    private record Rows(String where, Object[] args) {

        static Rows of(PrivacySubject subject, List<UUID> conversations) {
            UUID business = subject.businessId();
            return switch (subject.scope()) {
                case CONTACT -> {
                    List<Object> args = new ArrayList<>(List.of(business, subject.contactId(), business,
                            subject.contactId()));
                    args.addAll(conversations);
                    String listed = conversations.isEmpty() ? "" : " OR conversation_id IN ("
                            + String.join(", ", Collections.nCopies(conversations.size(), "?")) + ")";
                    yield new Rows("business_id = ? AND (contact_id = ? OR (contact_id IS NULL AND (conversation_id IN "
                            + "(SELECT conversation_id FROM contact_orders WHERE business_id = ? AND contact_id = ?)"
                            + listed + ")))", args.toArray());
                }
                case BUSINESS -> new Rows("business_id = ?", new Object[] {business});
                case META_USER -> new Rows("false", new Object[0]);
            };
        }
    }
}
