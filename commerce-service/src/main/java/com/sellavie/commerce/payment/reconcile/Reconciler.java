package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.checkout.ProviderRefusedException;
import com.sellavie.commerce.checkout.ProviderUnavailableException;
import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.payment.settings.Provider;
import com.sellavie.commerce.payment.settings.ProviderAccount;
import com.sellavie.commerce.payment.settings.ProviderAccounts;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works one claimed notification as its business: settles it at once when no provider call is needed;
 * otherwise (a Paystack or Flutterwave success for a payable order) asks the provider's verify endpoint
 * with the business's secret key, with no transaction open, and settles with its answer. A transient
 * failure is retried at the next due time until the horizon, then, like a refusal (4xx), it is a
 * VERIFICATION_FAILED discrepancy.
 */
@Component
class Reconciler {

    private final PaymentNotifications notifications;
    private final OrderMatching matching;
    private final Verifiers verifiers;
    private final ProviderAccounts accounts;
    private final ReconcileOutcomes outcomes;
    private final Tenancy tenancy;
    private final TransactionTemplate readOnly;
    private final ReconcileProperties properties;
    private final Clock clock;

    Reconciler(PaymentNotifications notifications, OrderMatching matching, Verifiers verifiers,
            ProviderAccounts accounts, ReconcileOutcomes outcomes, Tenancy tenancy,
            PlatformTransactionManager transactions, ReconcileProperties properties, Clock clock) {
        this.notifications = notifications;
        this.matching = matching;
        this.verifiers = verifiers;
        this.accounts = accounts;
        this.outcomes = outcomes;
        this.tenancy = tenancy;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    void work(PaymentNotifications.Claim claim) {
        tenancy.runAs(claim.businessId(), () -> workAsTenant(claim));
    }

    private void workAsTenant(PaymentNotifications.Claim claim) {
        Notification notification = readOnly.execute(s -> notifications.find(claim.id())).orElse(null);
        if (notification == null || notification.done()) {
            return;
        }
        boolean needsVerification = verifiers.verifies(notification.provider());
        if (outcomes.settle(claim, needsVerification, null)) {
            return;
        }
        Optional<Order> order = readOnly.execute(s -> matching.find(notification));
        if (order.isEmpty()) {
            return; // cannot happen: it matched a moment ago and orders are never deleted; due again after the lease
        }
        Verification verification;
        try {
            verification = verify(notification, order.get());
        } catch (ProviderUnavailableException e) {
            Instant now = clock.instant();
            Duration delay = properties.backoffAfter(claim.attempts());
            if (now.plus(delay).isBefore(notification.receivedAt().plus(properties.retryHorizon()))) {
                outcomes.retryLater(claim, notification.provider(), delay, e.getMessage());
                return;
            }
            verification = Verification.refused("no answer within " + properties.retryHorizon() + " ("
                    + claim.attempts() + " attempts), last: " + e.getMessage());
        } catch (ProviderRefusedException e) {
            verification = Verification.refused(e.getMessage());
        }
        outcomes.settle(claim, needsVerification, verification);
    }

    private Verification verify(Notification notification, Order order) {
        Optional<ProviderAccount> account = accounts.of(notification.businessId(),
                Provider.valueOf(notification.provider()));
        if (account.isEmpty()) {
            return Verification.refused(notification.provider() + " is not configured for the business: "
                    + "the payment cannot be verified");
        }
        return verifiers.verify(notification.provider(), order.reference(), notification.providerTransactionId(),
                account.get().secretKey());
    }
}
