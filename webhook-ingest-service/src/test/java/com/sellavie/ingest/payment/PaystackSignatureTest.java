package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class PaystackSignatureTest {

    static final String SECRET_KEY = "sk_test_4f2a9c0b7e1d3a5f8c6b2e0d9a7f1c3e5b8d4f2a";
    final PaystackSignature signature = new PaystackSignature();
    final PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.PAYSTACK_HMAC_SHA512, SECRET_KEY);
    final PaymentWebhooks.Signed webhook = PaymentWebhooks.paystack(SECRET_KEY,
            PaymentWebhooks.paystackChargeSuccess(302961, "SLV-ABC", 10000, "NGN", null));

    @Test
    void acceptsTheHexHmacSha512OfTheRawBodyWithTheSecretKey() {
        assertThat(verify(webhook)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void acceptsUpperCaseHex() {
        String upper = webhook.headers().get(PaystackSignature.HEADER).toUpperCase(Locale.ROOT);
        assertThat(verify(webhook.withHeader(PaystackSignature.HEADER, upper)).verified()).isTrue();
    }

    @Test
    void refusesAMissingSignature() {
        assertThat(verify(webhook.withHeader(PaystackSignature.HEADER, null)))
                .isEqualTo(Verdict.refused("missing x-paystack-signature"));
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        PaymentWebhooks.Signed other = PaymentWebhooks.paystack("sk_test_someone_else", webhook.json());
        assertThat(verify(other)).isEqualTo(Verdict.refused("wrong x-paystack-signature"));
    }

    @Test
    void refusesATruncatedOrNonHexSignature() {
        String valid = webhook.headers().get(PaystackSignature.HEADER);
        assertThat(verify(webhook.withHeader(PaystackSignature.HEADER, valid.substring(0, 126))).verified()).isFalse();
        assertThat(verify(webhook.withHeader(PaystackSignature.HEADER, "z".repeat(128))).verified()).isFalse();
        assertThat(verify(webhook.withHeader(PaystackSignature.HEADER, "")).verified()).isFalse();
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        assertThat(verify(webhook.withBody(webhook.json().replace("10000", "10001"))).verified()).isFalse();
    }

    @Test
    void refusesTwoSignatureHeaders() {
        HttpHeaders headers = PaymentWebhooks.headers(webhook);
        headers.add(PaystackSignature.HEADER, "0".repeat(128));
        assertThat(signature.verify(webhook.body(), headers, endpoint).verified()).isFalse();
    }

    @Test
    void neverAcceptsAnythingForAnEndpointWithoutSecret() {
        PaymentEndpoint blank = PaymentWebhooks.endpoint(VerificationScheme.PAYSTACK_HMAC_SHA512, "");
        PaymentWebhooks.Signed signedWithEmptyKey = PaymentWebhooks.paystack("\0", webhook.json());
        assertThat(signature.verify(signedWithEmptyKey.body(), PaymentWebhooks.headers(signedWithEmptyKey), blank)
                .verified()).isFalse();
    }

    private Verdict verify(PaymentWebhooks.Signed signed) {
        return signature.verify(signed.body(), PaymentWebhooks.headers(signed), endpoint);
    }
}
