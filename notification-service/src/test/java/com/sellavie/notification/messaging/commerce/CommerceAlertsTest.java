package com.sellavie.notification.messaging.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.notification.CommerceEvents;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommerceAlertsTest {

    private final UUID business = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @Test
    void orderPaidNamesTheAmountProviderAndReference() {
        NotificationDraft draft = CommerceAlerts.of(CommerceEvents.orderPaid(business, order, 5_000_000L, "NGN"))
                .orElseThrow();

        assertThat(draft.kind()).isEqualTo(NotificationKind.ORDER_PAID);
        assertThat(draft.title()).isEqualTo("Order paid: NGN 50,000.00");
        assertThat(draft.body()).isEqualTo("Paid through Paystack, reference " + CommerceEvents.reference(order));
        assertThat(draft.reference()).isEqualTo(order.toString());
    }

    @Test
    void rejectedCheckoutSaysWhyAndIsOnePerRefusedReply() {
        UUID conversation = UUID.randomUUID();
        var rejected = CommerceEvents.checkoutRejected(business, conversation, "OUT_OF_STOCK",
                "linen-shirt: 3 asked, 1 available");

        NotificationDraft draft = CommerceAlerts.of(rejected).orElseThrow();

        assertThat(draft.title()).isEqualTo("A checkout could not be created");
        assertThat(draft.body()).isEqualTo("Out of stock: linen-shirt: 3 asked, 1 available. The customer was told.");
        assertThat(draft.reference()).isEqualTo(conversation + "/" + rejected.getReplyEventId());
    }

    @Test
    void failedLinkNamesTheProviderAndPointsToThePaymentSettings() {
        NotificationDraft draft = CommerceAlerts.of(CommerceEvents.checkoutLinkFailed(business, order,
                "Currency NGN is not enabled on this account")).orElseThrow();

        assertThat(draft.kind()).isEqualTo(NotificationKind.CHECKOUT_FAILED);
        assertThat(draft.title()).isEqualTo("Payment link could not be created");
        assertThat(draft.body()).isEqualTo("Stripe (provider refused, 3 attempts): Currency NGN is not enabled on this "
                + "account. The order waits for payment; check Settings → Payments.");
    }

    @Test
    void amountMismatchShowsExpectedAndReceivedAmounts() {
        PaymentDiscrepancyRecorded mismatch = CommerceEvents.amountMismatch(business, order, 5_000_000L, 500_000L);

        NotificationDraft draft = CommerceAlerts.of(mismatch).orElseThrow();

        assertThat(draft.title()).isEqualTo("Payment notification did not match an order");
        assertThat(draft.body()).startsWith("Amount mismatch: expected NGN 50,000.00, received NGN 5,000.00 (Paystack, "
                + "reference " + CommerceEvents.reference(order)).endsWith("Nothing was marked paid.");
        assertThat(draft.reference()).isEqualTo(mismatch.getDiscrepancyId().toString());
    }

    @Test
    void unknownReferenceWithoutOrderOrAmountsStillReadsWell() {
        PaymentDiscrepancyRecorded unknown = PaymentDiscrepancyRecorded.newBuilder(
                        CommerceEvents.amountMismatch(business, order, 1, 1))
                .setOrderId(null).setKind("UNKNOWN_REFERENCE").setReference("SLV-NOPE").setExpectedAmountMinor(null)
                .setReceivedAmountMinor(2_500L).setCurrency("USD").build();

        assertThat(CommerceAlerts.of(unknown).orElseThrow().body()).isEqualTo("Unknown reference: received USD 25.00"
                + " (Paystack, reference SLV-NOPE, notification charge.success:4099260516). Nothing was marked paid.");
    }

    @Test
    void paymentFailedAndRefundNameTheProvider() {
        assertThat(CommerceAlerts.of(CommerceEvents.paymentFailed(business, order, "Declined")).orElseThrow().body())
                .isEqualTo("Flutterwave reported the payment of reference " + CommerceEvents.reference(order)
                        + " as failed: Declined");
        assertThat(CommerceAlerts.of(CommerceEvents.orderRefunded(business, order, 1_000L, "JPY")).orElseThrow()
                .title()).isEqualTo("Order refunded: JPY 1,000");
    }

    @Test
    void routineOrderEventsAreAcknowledgedWithoutAlert() {
        assertThat(CommerceEvents.routine(business, order)).allSatisfy(event -> {
            assertThat(CommerceAlerts.ACKNOWLEDGED_WITHOUT_ALERT).contains(event.getClass());
            assertThat(CommerceAlerts.of(event)).isEmpty();
        });
    }
}
