package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {

    static final String CURRENT = "whsec_current_5Jm1h8bX0kq3";
    static final String PREVIOUS = "whsec_previous_9Qz2v7cY4nd6";
    static final long NOW = 1_764_486_000L;
    final StripeSignature signature = new StripeSignature(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    final String json = PaymentWebhooks.stripeSessionEvent("evt_1", "checkout.session.completed", "cs_test_a1",
            "0193a6f0-0000-7000-8000-000000000001", 5000L, "usd", "paid", "pi_1", false);

    @Test
    void acceptsAV1SignatureOfTheCurrentSecret() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.STRIPE_SIGNATURE, CURRENT, PREVIOUS);
        assertThat(verify(PaymentWebhooks.stripe(CURRENT, json, NOW - 5), endpoint)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void acceptsAV1SignatureOfThePreviousSecretDuringARotation() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.STRIPE_SIGNATURE, CURRENT, PREVIOUS);
        assertThat(verify(PaymentWebhooks.stripe(PREVIOUS, json, NOW), endpoint)).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(PaymentWebhooks.stripeRotating("whsec_newer", PREVIOUS, json, NOW), endpoint))
                .isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void refusesAGenuineSignatureOlderThanFiveMinutes() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.STRIPE_SIGNATURE, CURRENT);
        assertThat(verify(PaymentWebhooks.stripe(CURRENT, json, NOW - 301), endpoint))
                .isEqualTo(Verdict.refused("timestamp outside tolerance"));
        assertThat(verify(PaymentWebhooks.stripe(CURRENT, json, NOW - 300), endpoint).verified()).isTrue();
    }

    @Test
    void refusesASignatureOfAnotherSecretOrAnotherBody() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.STRIPE_SIGNATURE, CURRENT);
        assertThat(verify(PaymentWebhooks.stripe("whsec_other", json, NOW), endpoint))
                .isEqualTo(Verdict.refused("wrong Stripe-Signature"));
        PaymentWebhooks.Signed signed = PaymentWebhooks.stripe(CURRENT, json, NOW);
        assertThat(verify(signed.withBody(json.replace("5000", "50")), endpoint).verified()).isFalse();
    }

    @Test
    void refusesMissingMalformedTruncatedAndV0OnlyHeaders() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.STRIPE_SIGNATURE, CURRENT);
        PaymentWebhooks.Signed signed = PaymentWebhooks.stripe(CURRENT, json, NOW);
        String valid = signed.headers().get(StripeSignature.HEADER);

        assertThat(verify(signed.withHeader(StripeSignature.HEADER, null), endpoint))
                .isEqualTo(Verdict.refused("missing Stripe-Signature"));
        assertThat(verify(signed.withHeader(StripeSignature.HEADER, valid.substring(0, valid.length() - 2)), endpoint)
                .verified()).isFalse();
        assertThat(verify(signed.withHeader(StripeSignature.HEADER, "garbage"), endpoint).verified()).isFalse();
        assertThat(verify(signed.withHeader(StripeSignature.HEADER, valid.replace("v1=", "v0=")), endpoint)
                .verified()).isFalse();
    }

    private Verdict verify(PaymentWebhooks.Signed signed, PaymentEndpoint endpoint) {
        return signature.verify(signed.body(), PaymentWebhooks.headers(signed), endpoint);
    }
}
