package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.payment.ledger.Discrepancy;
import com.sellavie.commerce.payment.ledger.LedgerEntry;
import com.sellavie.commerce.payment.ledger.PaymentLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles a claimed notification in one transaction, while the claim is still ours: the order locked and
 * read again, the rules applied ({@link Reconciliation}), the order saved with its event (OrderPaid,
 * PaymentFailed, OrderRefunded), the ledger row, the discrepancy (with its event and a timeline entry
 * when an order matched), the notification done. Metric {@value #METRIC}{outcome, provider}.
 */
@Component
class ReconcileOutcomes {

    static final String METRIC = "sellavie.commerce.payments";
    private static final Logger log = LoggerFactory.getLogger(ReconcileOutcomes.class);

    private final PaymentNotifications notifications;
    private final OrderMatching matching;
    private final OrderStore store;
    private final PaymentLedger ledger;
    private final MeterRegistry meters;
    private final Clock clock;

    ReconcileOutcomes(PaymentNotifications notifications, OrderMatching matching, OrderStore store,
            PaymentLedger ledger, MeterRegistry meters, Clock clock) {
        this.notifications = notifications;
        this.matching = matching;
        this.store = store;
        this.ledger = ledger;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @return false when the provider must be asked first (the order changed since it was read without a lock)
     */
    @Transactional
    boolean settle(PaymentNotifications.Claim claim, boolean needsVerification, Verification verification) {
        if (!notifications.lockIfStillOurs(claim)) {
            log.warn("{}: the claim was lost (lease ran out); its outcome is not recorded", claim);
            return true;
        }
        Notification notification = notifications.find(claim.id()).orElseThrow();
        Order order = matching.findLocked(notification).orElse(null);
        Instant now = clock.instant();
        Decision decision = Reconciliation.decide(notification, order, needsVerification, verification);
        String causation = notification.eventId().toString();
        switch (decision) {
            case Decision.Verify verify -> {
                return false;
            }
            case Decision.Pay pay -> order.markPaid(now, notification.providerTransactionId(),
                    notification.amountMinor(), notification.currency(), now, causation);
            case Decision.Fail fail -> order.markPaymentFailed(notification.providerTransactionId(),
                    notification.eventType(), now, causation);
            case Decision.Refund refund -> order.markRefunded(
                    notification.amountMinor() != null ? notification.amountMinor() : order.totalMinor(),
                    notification.currency() != null ? notification.currency() : order.currency(), now, causation);
            case Decision.Mismatch mismatch -> {
                ledger.record(new Discrepancy(notification.businessId(), notification.id(),
                        order == null ? null : order.id(), notification.provider(), notification.providerEventId(),
                        notification.reference(), mismatch.kind(), order == null ? null : order.totalMinor(),
                        notification.amountMinor(), notification.currency(), mismatch.detail(), now,
                        notification.correlationId(), causation));
                if (order != null) {
                    order.discrepancyRecorded(mismatch.kind(), mismatch.detail(), now);
                }
            }
            case Decision.LedgerOnly ledgerOnly -> {
                // the order stays as it is
            }
        }
        if (order != null) {
            store.save(order);
        }
        ledger.record(new LedgerEntry(notification.businessId(), notification.id(), order == null ? null : order.id(),
                notification.provider(), notification.ledgerKind(), notification.providerEventId(),
                notification.providerTransactionId(), notification.reference(), notification.amountMinor(),
                notification.currency(), decision.outcome(), now));
        notifications.done(claim, decision.outcome(), now);
        count(decision.outcome(), notification.provider());
        if (decision instanceof Decision.Mismatch mismatch) {
            log.warn("{}: discrepancy {} ({}), order {}; nothing marked paid, the team sees it", notification,
                    mismatch.kind(), mismatch.detail(), order == null ? "none" : order.id());
        } else {
            log.info("{}: {}, order {}", notification, decision.outcome(), order == null ? "none" : order.id());
        }
        return true;
    }

    /** A transient verify failure: due again after {@code delay}. */
    @Transactional
    void retryLater(PaymentNotifications.Claim claim, String provider, Duration delay, String error) {
        if (!notifications.lockIfStillOurs(claim)) {
            return;
        }
        notifications.retryAt(claim, clock.instant().plus(delay), error);
        count("retried", provider);
        log.warn("{}: {} could not verify it: {}; retry in {}", claim, provider, error, delay);
    }

    void count(String outcome, String provider) {
        meters.counter(METRIC, "outcome", outcome.toLowerCase(Locale.ROOT), "provider", provider).increment();
    }
}
