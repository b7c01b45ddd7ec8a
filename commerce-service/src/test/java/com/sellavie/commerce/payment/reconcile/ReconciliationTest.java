package com.sellavie.commerce.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final UUID BUSINESS = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private static Order order() {
        return Order.place(UUID.randomUUID(), BUSINESS, UUID.randomUUID(), UUID.randomUUID(), "reply", "corr",
                List.of(new OrderLine(BUSINESS, "SHIRT", "Linen shirt", 2, 2_500_000)), "NGN", "PAYSTACK", NOW, Duration.ofHours(24));
    }

    private static Notification notification(String status, Order order, Long amount, String currency) {
        return new Notification(UUID.randomUUID(), BUSINESS, "PAYSTACK", "charge.success:1", UUID.randomUUID(), "c",
                "charge.success", status, order == null ? "SLV-UNKNOWN" : order.reference(), null, "302961", amount,
                currency, NOW, false);
    }

    private static Verification success(Order order) {
        return new Verification(true, order.reference(), order.totalMinor(), order.currency(), null);
    }

    @Test
    void aVerifiedSuccessOfTheRightAmountAndCurrencyPays() {
        Order order = order();
        Notification paid = notification("SUCCEEDED", order, 5_000_000L, "NGN");

        assertThat(Reconciliation.decide(paid, order, true, null)).isInstanceOf(Decision.Verify.class);
        assertThat(Reconciliation.decide(paid, order, true, success(order))).isInstanceOf(Decision.Pay.class);
        assertThat(Reconciliation.decide(paid, order, false, null)).isInstanceOf(Decision.Pay.class);
    }

    @Test
    void aWrongAmountOrCurrencyOrUnknownReferenceNeverPays() {
        Order order = order();

        assertThat(Reconciliation.decide(notification("SUCCEEDED", order, 4_999_999L, "NGN"), order, false, null))
                .isEqualTo(new Decision.Mismatch("AMOUNT_MISMATCH", "paid 4999999, the order is 5000000 (minor units)"));
        assertThat(Reconciliation.decide(notification("SUCCEEDED", order, 5_000_000L, "GHS"), order, false, null))
                .extracting(d -> ((Decision.Mismatch) d).kind()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(Reconciliation.decide(notification("SUCCEEDED", null, 5_000_000L, "NGN"), null, false, null))
                .extracting(d -> ((Decision.Mismatch) d).kind()).isEqualTo("UNKNOWN_REFERENCE");
    }

    @Test
    void theProviderDisagreeingIsAVerificationFailure() {
        Order order = order();
        Notification paid = notification("SUCCEEDED", order, 5_000_000L, "NGN");

        assertThat(Reconciliation.decide(paid, order, true, new Verification(true, order.reference(), 100L, "NGN", null)))
                .extracting(d -> ((Decision.Mismatch) d).kind()).isEqualTo("VERIFICATION_FAILED");
        assertThat(Reconciliation.decide(paid, order, true, Verification.refused("PAYSTACK answered 400: Invalid key")))
                .isEqualTo(new Decision.Mismatch("VERIFICATION_FAILED", "PAYSTACK answered 400: Invalid key"));
    }

    @Test
    void failureThenSuccessAndSuccessThenFailureBothEndPaid() {
        Order first = order();
        Notification failure = notification("FAILED", first, 5_000_000L, "NGN");
        assertThat(Reconciliation.decide(failure, first, true, null)).isInstanceOf(Decision.Fail.class);
        first.markPaymentFailed("1", "declined", NOW, null);
        assertThat(Reconciliation.decide(notification("SUCCEEDED", first, 5_000_000L, "NGN"), first, true,
                success(first))).isInstanceOf(Decision.Pay.class);

        Order second = order();
        second.markPaid(NOW, "1", 5_000_000, "NGN", NOW, null);
        assertThat(Reconciliation.decide(notification("FAILED", second, 5_000_000L, "NGN"), second, true, null))
                .isEqualTo(new Decision.LedgerOnly("FAILURE_IGNORED"));
        assertThat(Reconciliation.decide(notification("SUCCEEDED", second, 5_000_000L, "NGN"), second, true, null))
                .isEqualTo(new Decision.LedgerOnly("ALREADY_PAID"));
    }

    @Test
    void aCancelledOrderIsNotPaid() {
        Order order = order();
        order.cancel("user", "withdrawn", NOW);

        assertThat(Reconciliation.decide(notification("SUCCEEDED", order, 5_000_000L, "NGN"), order, true, null))
                .extracting(d -> ((Decision.Mismatch) d).kind()).isEqualTo("ORDER_NOT_PAYABLE");
    }

    @Test
    void onlyAPaidOrderIsRefunded() {
        Order open = order();
        Order paid = order();
        paid.markPaid(NOW, "1", 5_000_000, "NGN", NOW, null);

        assertThat(Reconciliation.decide(notification("REFUNDED", paid, 5_000_000L, "NGN"), paid, true, null))
                .isInstanceOf(Decision.Refund.class);
        assertThat(Reconciliation.decide(notification("REFUNDED", open, 5_000_000L, "NGN"), open, true, null))
                .extracting(d -> ((Decision.Mismatch) d).kind()).isEqualTo("ORDER_NOT_REFUNDABLE");
        assertThat(Reconciliation.decide(notification("OTHER", open, null, null), open, true, null))
                .isEqualTo(new Decision.LedgerOnly("RECORDED"));
    }

    @Test
    void flutterwaveMajorAmountsAreConvertedExactly() {
        assertThat(FlutterwaveVerifier.minor(50001.5, "NGN")).isEqualTo(5_000_150L);
        assertThat(FlutterwaveVerifier.minor(100, "NGN")).isEqualTo(10_000L);
        assertThat(FlutterwaveVerifier.minor("10.001", "NGN")).isNull();
        assertThat(FlutterwaveVerifier.minor(500, "JPY")).isEqualTo(500L);
    }
}
