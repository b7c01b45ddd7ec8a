package com.sellavie.commerce.revenue;

import com.sellavie.commerce.order.Order;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What happened within a range, read from commerce's own tables (row-level security: the current business
 * only). Grouped into days by {@link RevenueReport}, in Java, so any time zone Java knows works.
 */
@Repository
class RevenueFacts {

    /** An order placed. */
    record Placed(Instant at, String currency) {
    }

    /** An order paid (and not refunded since). */
    record Paid(Instant at, String currency, long totalMinor, boolean assistant) {
    }

    /** A checkout link created, and whether its order has been paid since. */
    record Link(Instant at, String currency, boolean paid) {
    }

    /** A member trying the assistant is not a sale: sandbox orders count nowhere in revenue. */
    private static final String NOT_SANDBOX = "channel_type IS DISTINCT FROM '" + Order.CHANNEL_SANDBOX + "'";

    private final JdbcTemplate jdbc;

    RevenueFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Placed> placed(UUID businessId, Instant from, Instant to) {
        return jdbc.query("SELECT created_at, currency FROM orders WHERE business_id = ? AND created_at >= ? "
                + "AND created_at < ? AND " + NOT_SANDBOX, (rs, i) -> new Placed(rs.getTimestamp(1).toInstant(), rs.getString(2)),
                businessId, Timestamp.from(from), Timestamp.from(to));
    }

    List<Paid> paid(UUID businessId, Instant from, Instant to) {
        return jdbc.query("SELECT paid_at, currency, total_minor, origin FROM orders WHERE business_id = ? "
                + "AND status = 'PAID' AND paid_at >= ? AND paid_at < ? AND " + NOT_SANDBOX,
                (rs, i) -> new Paid(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3),
                        Order.ORIGIN_ASSISTANT.equals(rs.getString(4))),
                businessId, Timestamp.from(from), Timestamp.from(to));
    }

    List<Link> links(UUID businessId, Instant from, Instant to) {
        return jdbc.query("SELECT t.at, o.currency, o.paid_at IS NOT NULL FROM order_timeline t "
                + "JOIN orders o ON o.id = t.order_id WHERE t.business_id = ? AND t.kind = 'LINK_CREATED' "
                + "AND t.at >= ? AND t.at < ? AND o." + NOT_SANDBOX,
                (rs, i) -> new Link(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getBoolean(3)),
                businessId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The default payment provider's currency: what a business with no order in the range is shown in. */
    Optional<String> defaultCurrency(UUID businessId) {
        return jdbc.queryForList("SELECT currency FROM payment_providers WHERE business_id = ? AND is_default",
                String.class, businessId).stream().findFirst();
    }
}
