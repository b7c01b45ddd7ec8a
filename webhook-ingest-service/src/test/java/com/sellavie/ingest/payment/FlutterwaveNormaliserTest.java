package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlutterwaveNormaliserTest {

    final FlutterwaveNormaliser normaliser = new FlutterwaveNormaliser();

    @Test
    void v3SuccessfulChargeIsSucceededWithTheAmountInMinorUnits() throws Exception {
        Normalised result = normalise(PaymentWebhooks.flutterwaveV3ChargeCompleted(285959875, "SLV-0193A6F0",
                "100.5", "NGN", "successful"));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.FLUTTERWAVE,
                "charge.completed:285959875:successful", "charge.completed", PaymentStatus.SUCCEEDED, "SLV-0193A6F0",
                null, "285959875", 10050L, "NGN", null)));
    }

    @Test
    void v3FailedChargeIsFailedWithItsOwnEventId() throws Exception {
        PaymentNotification notification = published(PaymentWebhooks.flutterwaveV3ChargeCompleted(285959876,
                "SLV-X", "2500", "KES", "failed"));

        assertThat(notification.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(notification.providerEventId()).isEqualTo("charge.completed:285959876:failed");
        assertThat(notification.amountMinor()).isEqualTo(250000L);
    }

    @Test
    void v4EnvelopeUsesTheWebhookIdAndTheReference() throws Exception {
        Normalised result = normalise(PaymentWebhooks.flutterwaveV4ChargeCompleted("wbk_B4nWaDzGmUy4GwpQxUDF",
                "chg_fGh82J4nSd", "SLV-0193A6F0", "1500.25", "USD", "succeeded"));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.FLUTTERWAVE,
                "wbk_B4nWaDzGmUy4GwpQxUDF", "charge.completed", PaymentStatus.SUCCEEDED, "SLV-0193A6F0", null,
                "chg_fGh82J4nSd", 150025L, "USD", null)));
    }

    @Test
    void convertsWithEachCurrencysOwnFractionDigits() throws Exception {
        assertThat(published(v3("1500", "UGX")).amountMinor()).isEqualTo(1500L); // no minor unit
        assertThat(published(v3("12.345", "KWD")).amountMinor()).isEqualTo(12345L); // three decimals
        assertThat(published(v3("0.10", "GHS")).amountMinor()).isEqualTo(10L);
        assertThat(published(v3("\"99.99\"", "ZAR")).amountMinor()).isEqualTo(9999L);
    }

    @Test
    void refusesAnAmountThatIsNotExactInItsCurrency() {
        assertThatThrownBy(() -> normalise(v3("100.505", "NGN"))).isInstanceOfSatisfying(
                MalformedPaymentException.class, e -> assertThat(e.errors()).containsOnlyKeys("data.amount"));
        assertThatThrownBy(() -> normalise(v3("1.5", "UGX"))).isInstanceOf(MalformedPaymentException.class);
        assertThatThrownBy(() -> normalise(v3("-1", "NGN"))).isInstanceOf(MalformedPaymentException.class);
        assertThatThrownBy(() -> normalise(v3("1e400", "NGN"))).isInstanceOf(MalformedPaymentException.class);
    }

    @Test
    void refusesAnUnknownCurrencyAndMissingFields() {
        assertThatThrownBy(() -> normalise(v3("100", "NGX"))).isInstanceOfSatisfying(MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("data.currency"));
        String withoutTxRef = v3("100", "NGN").replace("\"tx_ref\":\"SLV-X\",", "");
        assertThatThrownBy(() -> normalise(withoutTxRef)).isInstanceOfSatisfying(MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("data.tx_ref"));
        assertThatThrownBy(() -> normalise("{\"data\":{}}")).isInstanceOfSatisfying(MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("event"));
    }

    @Test
    void pendingChargesAndOtherEventsAreIgnored() throws Exception {
        assertThat(normalise(PaymentWebhooks.flutterwaveV3ChargeCompleted(1, "SLV-X", "100", "NGN", "pending")))
                .isEqualTo(Normalised.ignore("charge.completed"));
        assertThat(normalise("{\"event\":\"transfer.completed\",\"data\":{\"id\":1}}"))
                .isEqualTo(Normalised.ignore("transfer.completed"));
        assertThat(normalise("{\"type\":\"refund.completed\",\"id\":\"wbk_1\",\"data\":{}}"))
                .isEqualTo(Normalised.ignore("refund.completed"));
    }

    private static String v3(String amount, String currency) {
        return PaymentWebhooks.flutterwaveV3ChargeCompleted(7, "SLV-X", amount, currency, "successful");
    }

    private PaymentNotification published(String json) throws MalformedPaymentException {
        return ((Normalised.Publish) normalise(json)).notification();
    }

    private Normalised normalise(String json) throws MalformedPaymentException {
        return normaliser.normalise(json.getBytes(StandardCharsets.UTF_8));
    }
}
