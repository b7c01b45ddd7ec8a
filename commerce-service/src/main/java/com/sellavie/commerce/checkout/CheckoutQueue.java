package com.sellavie.commerce.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The orders whose checkout link is due, as a work queue: found across businesses in the global lookup
 * {@value #DUE_LOOKUP}, claimed one by one as their business under a lease (FOR UPDATE SKIP LOCKED),
 * so several instances never call a provider twice for one order at the same time. An order is in the
 * queue while its {@code checkout_next_at} is set, which only an open order whose link is still to be made
 * has (a constraint of the table); the column has no planner statistics, so neither statement reads the
 * whole queue when ANALYZE last saw it empty (V8).
 */
@Repository
class CheckoutQueue {

    static final String DUE_LOOKUP = "checkout-links-due";

    /** {@link #due}: the queue's index in its order, one batch. */
    static final String DUE = "SELECT o.id, o.business_id FROM orders o WHERE o.checkout_next_at <= now() AND "
            + "(o.checkout_lease_until IS NULL OR o.checkout_lease_until < now()) ORDER BY o.checkout_next_at LIMIT ?";

    private static final String CLAIMABLE = "o.status = 'PENDING_PAYMENT' AND o.checkout_status = 'PENDING' "
            + "AND o.checkout_next_at <= now() AND (o.checkout_lease_until IS NULL OR o.checkout_lease_until < now())";

    /** {@link #claim}: the order by its key. */
    static final String CLAIM = "UPDATE orders SET checkout_lease_owner = ?, checkout_lease_until = now() + "
            + "make_interval(secs => ?), checkout_attempts = checkout_attempts + 1 WHERE id = (SELECT o.id FROM "
            + "orders o WHERE o.id = ? AND " + CLAIMABLE + " FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, business_id, checkout_lease_owner, checkout_attempts";

    private final JdbcTemplate jdbc;

    CheckoutQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} claimable orders of any business, longest due first. Run in the global lookup. */
    List<Due> due(int limit) {
        return jdbc.query(DUE, (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), limit);
    }

    /** Takes the order's link creation for {@code lease} and counts the attempt. Run as the business. */
    Optional<Claim> claim(UUID orderId, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.query(CLAIM, (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4)),
                owner, lease.toMillis() / 1000.0, orderId).stream().findFirst();
    }

    /** Locks the order's row for the rest of the transaction; true while the claim is still ours. */
    boolean lockIfStillOurs(Claim claim) {
        return !jdbc.queryForList("SELECT id FROM orders WHERE id = ? AND checkout_lease_owner = ? FOR UPDATE",
                UUID.class, claim.orderId(), claim.leaseOwner()).isEmpty();
    }

    /** Ends the claim (after its outcome is recorded, or when this instance stops). */
    void release(Claim claim) {
        jdbc.update("UPDATE orders SET checkout_lease_owner = NULL, checkout_lease_until = NULL WHERE id = ? "
                + "AND checkout_lease_owner = ?", claim.orderId(), claim.leaseOwner());
    }

    record Due(UUID orderId, UUID businessId) {
    }

    record Claim(UUID orderId, UUID businessId, UUID leaseOwner, int attempts) {

        @Override
        public String toString() {
            return "checkout of order " + orderId + " (business " + businessId + ", attempt " + attempts + ")";
        }
    }
}
