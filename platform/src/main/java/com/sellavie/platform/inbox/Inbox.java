package com.sellavie.platform.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records that a consumer group applied an event. Call it inside the transaction that applies the
 * event's effect, and apply the effect only when it returns {@code true}:
 *
 * <pre>{@code
 * @Transactional
 * void on(OrderPaid event) {
 *     if (inbox.firstDelivery("notification-service", UUID.fromString(event.getEventId()))) {
 *         receipts.send(...);
 *     }
 * }
 * }</pre>
 *
 * <p>A concurrent delivery of the same event (a rebalance) waits on the first one's row lock and
 * sees {@code false} once it commits, or {@code true} if it rolled back.
 */
public class Inbox {

    private static final String RECORD = "INSERT INTO inbox (consumer_group, event_id) VALUES (?, ?) "
            + "ON CONFLICT (consumer_group, event_id) DO NOTHING";

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this is the first delivery of {@code eventId} to {@code consumerGroup}; records it if so.
     * Mandatory transaction: the record is worth nothing unless it commits or rolls back with the effect.
     *
     * @throws IllegalTransactionStateException when no transaction is active
     */
    public boolean firstDelivery(String consumerGroup, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Inbox.firstDelivery needs the transaction that applies the "
                    + "event's effect (propagation MANDATORY); none is active");
        }
        if (consumerGroup == null || consumerGroup.isBlank() || eventId == null) {
            throw new IllegalArgumentException("consumerGroup and eventId are required");
        }
        return jdbc.update(RECORD, consumerGroup, eventId) == 1;
    }
}
