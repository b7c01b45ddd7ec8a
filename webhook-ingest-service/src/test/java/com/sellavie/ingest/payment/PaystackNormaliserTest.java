package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaystackNormaliserTest {

    final PaystackNormaliser normaliser = new PaystackNormaliser();

    @Test
    void chargeSuccessIsASucceededPaymentInKobo() throws Exception {
        Normalised result = normalise(PaymentWebhooks.paystackChargeSuccess(302961, "SLV-0193A6F0", 10000, "NGN",
                "0193a6f0-0000-7000-8000-000000000001"));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.PAYSTACK,
                "charge.success:302961", "charge.success", PaymentStatus.SUCCEEDED, "SLV-0193A6F0",
                "0193a6f0-0000-7000-8000-000000000001", "302961", 10000L, "NGN", false)));
    }

    @Test
    void chargeSuccessWithoutMetadataHasNoOrderId() throws Exception {
        Normalised result = normalise(PaymentWebhooks.paystackChargeSuccess(1, "SLV-X", 500, "GHS", null));

        assertThat(((Normalised.Publish) result).notification().orderId()).isNull();
        assertThat(((Normalised.Publish) result).notification().currency()).isEqualTo("GHS");
    }

    @Test
    void refundProcessedIsARefundOfTheOriginalReference() throws Exception {
        Normalised result = normalise(PaymentWebhooks.paystackRefundProcessed("3018284", "SLV-0193A6F0", "10000",
                "NGN"));

        assertThat(result).isEqualTo(Normalised.publish(new PaymentNotification(PaymentProvider.PAYSTACK,
                "refund.processed:3018284", "refund.processed", PaymentStatus.REFUNDED, "SLV-0193A6F0", null, null,
                10000L, "NGN", true)));
    }

    @Test
    void otherEventTypesAreIgnored() throws Exception {
        assertThat(normalise(PaymentWebhooks.paystackEvent("transfer.success")))
                .isEqualTo(Normalised.ignore("transfer.success"));
    }

    @Test
    void refusesAChargeWithoutReferenceOrWithAFractionalAmount() {
        String json = PaymentWebhooks.paystackChargeSuccess(1, "SLV-X", 500, "NGN", null)
                .replace("\"reference\":\"SLV-X\",", "").replace("\"amount\":500", "\"amount\":500.5");

        assertThatThrownBy(() -> normalise(json)).isInstanceOfSatisfying(MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("data.reference", "data.amount"));
    }

    @Test
    void refusesInvalidJsonAndJsonThatIsNotAnEvent() {
        assertThatThrownBy(() -> normalise("{\"event\":\"charge.success\",")).isInstanceOfSatisfying(
                MalformedPaymentException.class, e -> assertThat(e.errors()).containsEntry("$", "not valid JSON"));
        assertThatThrownBy(() -> normalise("[1]")).isInstanceOf(MalformedPaymentException.class);
        assertThatThrownBy(() -> normalise("{\"data\":{}}")).isInstanceOfSatisfying(MalformedPaymentException.class,
                e -> assertThat(e.errors()).containsEntry("event", "missing"));
        assertThatThrownBy(() -> normalise("{\"event\":\"a\",\"event\":\"charge.success\"}"))
                .isInstanceOf(MalformedPaymentException.class);
    }

    private Normalised normalise(String json) throws MalformedPaymentException {
        return normaliser.normalise(json.getBytes(StandardCharsets.UTF_8));
    }
}
