package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.Orders;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works one claimed link creation as its business: reads the order and the provider account, calls the
 * provider with no transaction open, then records the outcome ({@link CheckoutOutcomes}). A transient
 * failure is retried at the next due time (2 s doubling to 60 s) until the horizon; then, or on a
 * refusal, the link fails and the team is alerted.
 */
@Component
class CheckoutWorker {

    private final Orders orders;
    private final CheckoutAccounts accounts;
    private final ProviderCalls providers;
    private final CheckoutOutcomes outcomes;
    private final Tenancy tenancy;
    private final TransactionTemplate readOnly;
    private final CheckoutProperties properties;
    private final Clock clock;

    CheckoutWorker(Orders orders, CheckoutAccounts accounts, ProviderCalls providers, CheckoutOutcomes outcomes,
            Tenancy tenancy, PlatformTransactionManager transactions, CheckoutProperties properties, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.providers = providers;
        this.outcomes = outcomes;
        this.tenancy = tenancy;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    void work(CheckoutQueue.Claim claim) {
        tenancy.runAs(claim.businessId(), () -> workAsTenant(claim));
    }

    private void workAsTenant(CheckoutQueue.Claim claim) {
        Optional<Order> found = readOnly.execute(s -> orders.findById(claim.orderId()));
        if (found.isEmpty() || !found.get().isOpen()) {
            return;
        }
        Order order = found.get();
        Optional<CheckoutAccounts.CheckoutAccount> account = accounts.of(order.businessId(), order.provider());
        if (account.isEmpty()) {
            outcomes.failed(claim, order.provider(), "NOT_CONFIGURED", order.provider()
                    + " is no longer configured for the business");
            return;
        }
        ProviderCheckout.CheckoutRequest request = new ProviderCheckout.CheckoutRequest(order.id(),
                Order.providerReference(order.id()), order.lines(), order.totalMinor(), order.currency(),
                "c-" + Order.customerKey(order.contactId(), order.conversationId()) + "@"
                        + properties.placeholderEmailDomain());
        ProviderCheckout.CreatedCheckout created;
        try {
            created = providers.create(order.provider(), request, account.get().secretKey());
        } catch (ProviderRefusedException e) {
            outcomes.failed(claim, order.provider(), "PROVIDER_REFUSED", e.getMessage());
            return;
        } catch (ProviderUnavailableException e) {
            retryOrGiveUp(claim, order, e.getMessage());
            return;
        }
        outcomes.created(claim, created);
    }

    private void retryOrGiveUp(CheckoutQueue.Claim claim, Order order, String error) {
        Instant now = clock.instant();
        Duration delay = properties.backoffAfter(claim.attempts());
        Instant horizon = order.createdAt().plus(properties.retryHorizon());
        if (now.plus(delay).isAfter(horizon)) {
            outcomes.failed(claim, order.provider(), "PROVIDER_UNAVAILABLE", "no answer within "
                    + properties.retryHorizon() + " (" + claim.attempts() + " attempts), last: " + error);
        } else {
            outcomes.retryLater(claim, order.provider(), delay, error);
        }
    }
}
