package com.sellavie.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final UUID BUSINESS = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    private static Order place(String provider, OrderLine... lines) {
        return Order.place(UUID.fromString("0190d1a2-3b4c-7d5e-8f60-718293a4b5c6"), BUSINESS, UUID.randomUUID(),
                UUID.randomUUID(), "reply-1", "corr-1", List.of(lines), "NGN", provider, NOW, Duration.ofHours(24));
    }

    private static OrderLine line(String sku, int qty, long price) {
        return new OrderLine(BUSINESS, sku, sku + " name", qty, price);
    }

    @Test
    void placedOrderWaitsForPaymentWithItsTotalAndDueCheckout() {
        Order order = place("PAYSTACK", line("SHIRT", 2, 2_500_000), line("cap", 1, 300_000));

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.totalMinor()).isEqualTo(5_300_000);
        assertThat(order.checkoutStatus()).isEqualTo(CheckoutStatus.PENDING);
        assertThat(order.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(order.pendingEvents()).containsExactly(new OrderEvent.Placed(NOW, "reply-1"));
        assertThat(order.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PLACED);
    }

    @Test
    void paystackAndFlutterwaveReferenceIsSlvAndTheOrderIdInUpperCaseHex() {
        assertThat(place("PAYSTACK", line("a", 1, 1)).reference()).isEqualTo("SLV-0190D1A23B4C7D5E8F60718293A4B5C6");
        assertThat(place("STRIPE", line("a", 1, 1)).reference()).isNull();
    }

    @Test
    void itemsKeyIsTheSameForTheSameItemsInAnyOrderAndCase() {
        String one = Order.itemsKey(List.of(line("Shirt", 2, 1), line("cap", 1, 1)));
        String other = Order.itemsKey(List.of(line("CAP", 1, 5), line("shirt", 2, 9)));

        assertThat(one).isEqualTo(other).isEqualTo("cap:1,shirt:2");
        assertThat(Order.itemsKey(List.of(line("shirt", 3, 1)))).isNotEqualTo(Order.itemsKey(List.of(line("shirt", 2, 1))));
    }

    @Test
    void rejectsATotalThatOverflows() {
        assertThatThrownBy(() -> place("PAYSTACK", line("a", 10, Long.MAX_VALUE / 5)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void linkCreatedStoresUrlAndReferenceOnce() {
        Order order = place("STRIPE", line("a", 1, 100));
        order.pendingEvents();

        order.checkoutLinkCreated("https://checkout.stripe.com/c/pay/cs_1", "cs_1", NOW, "reply-1");

        assertThat(order.checkoutStatus()).isEqualTo(CheckoutStatus.CREATED);
        assertThat(order.reference()).isEqualTo("cs_1");
        assertThat(order.pendingEvents()).containsExactly(new OrderEvent.LinkCreated(NOW, "reply-1"));
        assertThatThrownBy(() -> order.checkoutLinkCreated("https://x", "cs_2", NOW, null))
                .isInstanceOf(OrderStateException.class);
    }

    @Test
    void linkFailureLeavesTheOrderWaitingForPayment() {
        Order order = place("PAYSTACK", line("a", 1, 100));

        order.checkoutLinkFailed("PROVIDER_REFUSED", "Invalid key", 1, NOW, null);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.checkoutStatus()).isEqualTo(CheckoutStatus.FAILED);
        assertThat(order.checkoutError()).contains("Invalid key");
    }

    @Test
    void paidThenRefunded() {
        Order order = place("PAYSTACK", line("a", 1, 100));

        order.markPaid(NOW, "302961", 100, "NGN", NOW, "evt");
        order.markRefunded(100, "NGN", NOW, "evt2");

        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.paidAt()).isEqualTo(NOW);
        assertThat(order.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PLACED,
                TimelineEntry.Kind.PAID, TimelineEntry.Kind.REFUNDED);
    }

    @Test
    void aVerifiedPaymentAfterAFailureOrExpiryStillPaysTheOrder() {
        Order failed = place("PAYSTACK", line("a", 1, 100));
        failed.markPaymentFailed("1", "declined", NOW, null);
        Order expired = place("PAYSTACK", line("a", 1, 100));
        expired.expire(NOW.plus(Duration.ofHours(24)));
        failed.pendingEvents();
        expired.pendingEvents();

        failed.markPaid(NOW, "2", 100, "NGN", NOW, "evt-late");
        expired.markPaid(NOW, "3", 100, "NGN", NOW, "evt-late");

        assertThat(failed.status()).isEqualTo(OrderStatus.PAID);
        assertThat(failed.pendingEvents()).containsExactly(new OrderEvent.Paid(NOW, "evt-late", "2", 100, "NGN"));
        assertThat(expired.status()).isEqualTo(OrderStatus.PAID);
        assertThat(expired.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PLACED,
                TimelineEntry.Kind.EXPIRED, TimelineEntry.Kind.PAID);
    }

    @Test
    void closingAnOrderTakesItsDueLinkOutOfTheCheckoutQueue() {
        Order cancelled = place("PAYSTACK", line("a", 1, 100));
        Order expired = place("PAYSTACK", line("a", 1, 100));
        Order failed = place("PAYSTACK", line("a", 1, 100));
        Order retried = place("PAYSTACK", line("a", 1, 100));
        retried.retryCheckoutAt(NOW.plusSeconds(2), "HTTP 500", NOW);

        cancelled.cancel("user-1", "withdrawn", NOW);
        expired.expire(NOW.plus(Duration.ofHours(24)));
        failed.markPaymentFailed("1", "declined", NOW, null);

        assertThat(List.of(cancelled, expired, failed)).allSatisfy(order -> {
            assertThat(order.checkoutStatus()).isEqualTo(CheckoutStatus.PENDING);
            assertThat(order.checkoutNextAt()).isNull();
        });
        assertThat(retried.checkoutNextAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aCancelledOrAlreadyPaidOrderIsNotPaidAgain() {
        Order cancelled = place("PAYSTACK", line("a", 1, 100));
        cancelled.cancel("user-1", "withdrawn", NOW);
        Order paid = place("PAYSTACK", line("a", 1, 100));
        paid.markPaid(NOW, "1", 100, "NGN", NOW, null);
        paid.pendingEvents();

        assertThat(cancelled.isPayable()).isFalse();
        assertThatThrownBy(() -> cancelled.markPaid(NOW, "1", 100, "NGN", NOW, null))
                .isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> paid.markPaid(NOW, "1", 100, "NGN", NOW, null)).isInstanceOf(OrderStateException.class);
        assertThat(paid.pendingEvents()).isEmpty();
    }

    @Test
    void aFailureIsRecordedOnlyWhileWaitingForPayment() {
        Order paid = place("PAYSTACK", line("a", 1, 100));
        paid.markPaid(NOW, "1", 100, "NGN", NOW, null);

        assertThatThrownBy(() -> paid.markPaymentFailed("1", "declined", NOW, null))
                .isInstanceOf(OrderStateException.class);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aDiscrepancyIsOnTheTimelineWithoutChangingTheOrder() {
        Order order = place("PAYSTACK", line("a", 1, 100));
        order.pendingEvents();

        order.discrepancyRecorded("AMOUNT_MISMATCH", "expected 100, received 50", NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.pendingEvents()).isEmpty();
        assertThat(order.timeline().getLast()).isEqualTo(new TimelineEntry(BUSINESS, TimelineEntry.Kind.DISCREPANCY,
                NOW, "AMOUNT_MISMATCH: expected 100, received 50"));
    }

    @Test
    void onlyAPaidOrderIsRefunded() {
        Order order = place("PAYSTACK", line("a", 1, 100));

        assertThatThrownBy(() -> order.markRefunded(100, "NGN", NOW, null)).isInstanceOf(OrderStateException.class);
    }

    @Test
    void paymentFailedClosesTheOrder() {
        Order order = place("PAYSTACK", line("a", 1, 100));

        order.markPaymentFailed("1", "declined", NOW, null);

        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(order.isOpen()).isFalse();
    }

    @Test
    void expiresOnlyWhenOpenAndPastItsTime() {
        Order order = place("PAYSTACK", line("a", 1, 100));

        assertThat(order.expiredBy(NOW.plus(Duration.ofHours(23)))).isFalse();
        assertThat(order.expiredBy(NOW.plus(Duration.ofHours(24)))).isTrue();
        order.expire(NOW.plus(Duration.ofHours(24)));
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(() -> order.expire(NOW)).isInstanceOf(OrderStateException.class);
    }

    @Test
    void cancelsOnlyWhileWaitingForPayment() {
        Order paid = place("PAYSTACK", line("a", 1, 100));
        paid.markPaid(NOW, "1", 100, "NGN", NOW, null);
        Order open = place("PAYSTACK", line("a", 1, 100));
        open.pendingEvents();

        open.cancel("user-1", "customer changed their mind", NOW);

        assertThat(open.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(open.pendingEvents()).containsExactly(
                new OrderEvent.Cancelled(NOW, null, "user-1", "customer changed their mind"));
        assertThatThrownBy(() -> paid.cancel("user-1", "x", NOW)).isInstanceOf(OrderStateException.class)
                .extracting(e -> ((OrderStateException) e).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void belongsToTheContactOrWithoutOneToTheConversation() {
        UUID contact = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        Order order = Order.place(UUID.randomUUID(), BUSINESS, conversation, contact, "r", "c",
                List.of(line("a", 1, 1)), "NGN", "PAYSTACK", NOW, Duration.ofHours(1));

        assertThat(order.belongsTo(contact, UUID.randomUUID())).isTrue();
        assertThat(order.belongsTo(UUID.randomUUID(), conversation)).isFalse();
        assertThat(order.belongsTo(null, conversation)).isTrue();
        assertThat(order.belongsTo(null, UUID.randomUUID())).isFalse();
    }

    @Test
    void moneyIsFormattedWithTheCurrencysFractionDigits() {
        assertThat(Money.format(5_000_000, "NGN")).isEqualTo("NGN 50,000.00");
        assertThat(Money.format(1500, "JPY")).isEqualTo("JPY 1,500");
        assertThat(Money.major(12_345, "USD").toPlainString()).isEqualTo("123.45");
    }
}
