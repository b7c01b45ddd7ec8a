package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.work.LeasedWorkScheduler;
import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.schemas.EventMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications to reconcile, as a work queue: recorded once per (business, provider, provider event
 * id), found due across businesses in the global lookup {@value #DUE_LOOKUP}, claimed one by one as their
 * business under a lease (FOR UPDATE SKIP LOCKED), so two instances never work one notification at once.
 */
@Repository
class PaymentNotifications {

    static final String DUE_LOOKUP = "payment-notifications-due";

    private static final String CLAIMABLE = "n.state = 'DUE' AND n.next_at <= now() "
            + "AND (n.lease_until IS NULL OR n.lease_until < now())";

    /** {@link #due}. */
    static final String DUE = "SELECT n.id, n.business_id FROM payment_notifications n WHERE " + CLAIMABLE
            + " ORDER BY n.next_at LIMIT ?";
    /**
     * For {@link #DUE}, whose ORDER BY the due index yields: a sort only ever means the planner misjudged the
     * queue (sized by defaults, V7, it was seen to sort all 3,000 due notifications of a backlog rather than read
     * the first few in index order, {@code PaymentNotificationQueuePlansTest}). Set for the poll's own
     * transaction only.
     */
    static final String READ_IN_INDEX_ORDER = "SET LOCAL enable_sort = off";

    /** {@link #claim}. */
    static final String CLAIM = "UPDATE payment_notifications SET lease_owner = ?, lease_until = now() + "
            + "make_interval(secs => ?), attempts = attempts + 1 WHERE id = (SELECT n.id FROM "
            + "payment_notifications n WHERE n.id = ? AND " + CLAIMABLE + " FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, business_id, lease_owner, attempts";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PaymentNotifications(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Records the notification, due now; false when this business already has it (a repeated delivery). */
    boolean record(PaymentEventReceived event, Instant now) {
        return jdbc.update("INSERT INTO payment_notifications (id, business_id, provider, provider_event_id, event_id, "
                + "correlation_id, event_type, status, reference, echoed_order_id, provider_transaction_id, amount_minor, "
                + "currency, livemode, received_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (business_id, provider, provider_event_id) DO NOTHING", EventMetadata.newEventId(),
                event.getBusinessId(), event.getProvider(), event.getProviderEventId(), event.getEventId(),
                event.getCorrelationId(), event.getEventType(), event.getStatus(), event.getReference(),
                event.getOrderId(), event.getProviderTransactionId(), event.getAmountMinor(), event.getCurrency(),
                event.getLivemode(), Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /** Up to {@code limit} claimable notifications of any business, longest due first. Run in the global lookup. */
    List<LeasedWorkScheduler.Due> due(int limit) {
        return transaction.execute(status -> {
            jdbc.execute(READ_IN_INDEX_ORDER);
            return jdbc.query(DUE, (rs, i) -> new LeasedWorkScheduler.Due(rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class)), limit);
        });
    }

    /** Takes the notification for {@code lease} and counts the attempt. Run as the business. */
    Optional<Claim> claim(UUID id, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.query(CLAIM, (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4)),
                owner, lease.toMillis() / 1000.0, id).stream().findFirst();
    }

    Optional<Notification> find(UUID id) {
        return jdbc.query("SELECT * FROM payment_notifications WHERE id = ?", PaymentNotifications::notification, id)
                .stream().findFirst();
    }

    /** Locks the notification's row for the rest of the transaction; true while the claim is still ours. */
    boolean lockIfStillOurs(Claim claim) {
        return !jdbc.queryForList("SELECT id FROM payment_notifications WHERE id = ? AND lease_owner = ? "
                + "AND state = 'DUE' FOR UPDATE", UUID.class, claim.id(), claim.leaseOwner()).isEmpty();
    }

    /** Reconciled: never worked again. */
    void done(Claim claim, String outcome, Instant now) {
        jdbc.update("UPDATE payment_notifications SET state = 'DONE', outcome = ?, processed_at = ?, next_at = NULL, "
                + "last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                outcome, Timestamp.from(now), claim.id(), claim.leaseOwner());
    }

    /** A transient failure: due again at {@code next}. */
    void retryAt(Claim claim, Instant next, String error) {
        jdbc.update("UPDATE payment_notifications SET next_at = ?, last_error = ?, lease_owner = NULL, "
                + "lease_until = NULL WHERE id = ? AND lease_owner = ?", Timestamp.from(next), error, claim.id(),
                claim.leaseOwner());
    }

    /** Ends the claim without an outcome (this instance stops): due again when its lease would have ended. */
    void release(Claim claim) {
        jdbc.update("UPDATE payment_notifications SET lease_owner = NULL, lease_until = NULL WHERE id = ? "
                + "AND lease_owner = ?", claim.id(), claim.leaseOwner());
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("amount_minor");
        Long amountMinor = rs.wasNull() ? null : amount;
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("provider"), rs.getString("provider_event_id"), rs.getObject("event_id", UUID.class),
                rs.getString("correlation_id"), rs.getString("event_type"), rs.getString("status"),
                rs.getString("reference"), rs.getString("echoed_order_id"), rs.getString("provider_transaction_id"),
                amountMinor, rs.getString("currency"), rs.getTimestamp("received_at").toInstant(),
                "DONE".equals(rs.getString("state")));
    }

    record Claim(UUID id, UUID businessId, UUID leaseOwner, int attempts) {

        @Override
        public String toString() {
            return "payment notification " + id + " (business " + businessId + ", attempt " + attempts + ")";
        }
    }
}
