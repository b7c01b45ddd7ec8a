package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StripeNormaliserTest {

    static final String ORDER = "0193a6f0-0000-7000-8000-000000000001";
    final StripeNormaliser normaliser = new StripeNormaliser();

    @Test
    void paidCompletedSessionIsSucceededWithTheSessionAsReference() throws Exception {
        Normalised result = normalise(PaymentWebhooks.stripeSessionEvent("evt_1Q", "checkout.session.completed",
                "cs_test_a1b2", ORDER, 5000L, "usd", "paid", "pi_3Q", true));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.STRIPE, "evt_1Q",
                "checkout.session.completed", PaymentStatus.SUCCEEDED, "cs_test_a1b2", ORDER, "pi_3Q", 5000L, "USD",
                true)));
    }

    @Test
    void unpaidCompletedSessionWaitsForTheAsyncOutcome() throws Exception {
        assertThat(normalise(session("checkout.session.completed", "unpaid")))
                .isEqualTo(Normalised.ignore("checkout.session.completed"));
        assertThat(published(session("checkout.session.async_payment_succeeded", "paid")).status())
                .isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void asyncFailureAndExpiryAreFailed() throws Exception {
        assertThat(published(session("checkout.session.async_payment_failed", "unpaid")).status())
                .isEqualTo(PaymentStatus.FAILED);
        PaymentNotification expired = published(PaymentWebhooks.stripeSessionEvent("evt_2", "checkout.session.expired",
                "cs_test_exp", ORDER, 5000L, "eur", "unpaid", null, false));
        assertThat(expired.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(expired.providerTransactionId()).isNull();
        assertThat(expired.currency()).isEqualTo("EUR");
        assertThat(expired.livemode()).isFalse();
    }

    @Test
    void orderIdFallsBackToMetadataWhenThereIsNoClientReference() throws Exception {
        String json = PaymentWebhooks.stripeSessionEvent("evt_3", "checkout.session.completed", "cs_test_m", ORDER,
                5000L, "usd", "paid", "pi_m", false).replace("\"client_reference_id\":\"" + ORDER + "\"",
                "\"client_reference_id\":null");
        assertThat(published(json).orderId()).isEqualTo(ORDER);
    }

    @Test
    void chargeRefundedIsARefundOfTheOrderInItsMetadata() throws Exception {
        Normalised result = normalise(PaymentWebhooks.stripeChargeRefunded("evt_r1", "ch_3Q", "pi_3Q", ORDER, 5000,
                5000, "usd"));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.STRIPE, "evt_r1",
                "charge.refunded", PaymentStatus.REFUNDED, null, ORDER, "pi_3Q", 5000L, "USD", false)));
        assertThat(((Normalised.Publish) result).notification().key()).isEqualTo("evt_r1");
    }

    @Test
    void otherEventTypesAreIgnored() throws Exception {
        assertThat(normalise("{\"id\":\"evt_9\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}"))
                .isEqualTo(Normalised.ignore("customer.created"));
    }

    @Test
    void refusesEventsWithoutIdOrSessionId() {
        assertThatThrownBy(() -> normalise("{\"type\":\"checkout.session.completed\"}")).isInstanceOfSatisfying(
                MalformedPaymentException.class, e -> assertThat(e.errors()).containsOnlyKeys("id"));
        assertThatThrownBy(() -> normalise("{\"id\":\"evt_1\",\"type\":\"checkout.session.async_payment_failed\","
                + "\"data\":{\"object\":{\"amount_total\":\"lots\"}}}")).isInstanceOfSatisfying(
                MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("data.object.id", "data.object.amount_total"));
    }

    private static String session(String type, String paymentStatus) {
        return PaymentWebhooks.stripeSessionEvent("evt_" + type.hashCode(), type, "cs_test_s", ORDER, 5000L, "usd",
                paymentStatus, "pi_s", false);
    }

    private PaymentNotification published(String json) throws MalformedPaymentException {
        return ((Normalised.Publish) normalise(json)).notification();
    }

    private Normalised normalise(String json) throws MalformedPaymentException {
        return normaliser.normalise(json.getBytes(StandardCharsets.UTF_8));
    }
}
