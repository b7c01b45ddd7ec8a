package com.sellavie.commerce.payment.ledger;

import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the ledger and the discrepancies, in the reconciliation's transaction: a discrepancy is
 * published ({@code PaymentDiscrepancyRecorded}, key = the order id, or the discrepancy id when no order
 * matched) with its row.
 */
@Component
public class PaymentLedger {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    PaymentLedger(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(LedgerEntry entry) {
        UUID id = EventMetadata.newEventId();
        jdbc.update("INSERT INTO payment_transactions (id, business_id, notification_id, order_id, provider, kind, "
                + "provider_event_id, provider_transaction_id, reference, amount_minor, currency, status, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, entry.businessId(), entry.notificationId(),
                entry.orderId(), entry.provider(), entry.kind(), entry.providerEventId(), entry.providerTransactionId(),
                entry.reference(), entry.amountMinor(), entry.currency(), entry.status(),
                Timestamp.from(entry.recordedAt()));
        return id;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(Discrepancy discrepancy) {
        UUID id = EventMetadata.newEventId();
        jdbc.update("INSERT INTO payment_discrepancies (id, business_id, notification_id, order_id, provider, "
                + "provider_event_id, reference, kind, expected_amount_minor, received_amount_minor, currency, detail, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, discrepancy.businessId(),
                discrepancy.notificationId(), discrepancy.orderId(), discrepancy.provider(),
                discrepancy.providerEventId(), discrepancy.reference(), discrepancy.kind(),
                discrepancy.expectedAmountMinor(), discrepancy.receivedAmountMinor(), discrepancy.currency(),
                discrepancy.detail(), Timestamp.from(discrepancy.recordedAt()));
        PaymentDiscrepancyRecorded event = PaymentDiscrepancyRecorded.newBuilder()
                .setEventId(EventMetadata.newEventId()).setOccurredAt(discrepancy.recordedAt())
                .setBusinessId(discrepancy.businessId()).setCorrelationId(discrepancy.correlationId())
                .setCausationId(discrepancy.causationId()).setDiscrepancyId(id).setOrderId(discrepancy.orderId())
                .setProvider(discrepancy.provider()).setProviderEventId(discrepancy.providerEventId())
                .setReference(discrepancy.reference()).setKind(discrepancy.kind())
                .setExpectedAmountMinor(discrepancy.expectedAmountMinor())
                .setReceivedAmountMinor(discrepancy.receivedAmountMinor()).setCurrency(discrepancy.currency())
                .build();
        outbox.publish(event, (discrepancy.orderId() != null ? discrepancy.orderId() : id).toString());
        return id;
    }
}
