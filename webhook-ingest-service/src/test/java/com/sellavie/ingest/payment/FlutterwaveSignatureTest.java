package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import org.junit.jupiter.api.Test;

class FlutterwaveSignatureTest {

    static final String SECRET_HASH = "flw-secret-hash-7d1e0c";
    final FlutterwaveSignature signature = new FlutterwaveSignature();
    final String json = PaymentWebhooks.flutterwaveV3ChargeCompleted(285959875, "SLV-ABC", "100", "NGN", "successful");

    @Test
    void verifHashSchemeAcceptsTheSecretHashInTheHeader() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.FLUTTERWAVE_VERIF_HASH, SECRET_HASH);
        assertThat(verify(PaymentWebhooks.flutterwaveVerifHash(SECRET_HASH, json), endpoint))
                .isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void verifHashSchemeRefusesAnotherOrATruncatedOrAMissingHash() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.FLUTTERWAVE_VERIF_HASH, SECRET_HASH);
        assertThat(verify(PaymentWebhooks.flutterwaveVerifHash("guess", json), endpoint))
                .isEqualTo(Verdict.refused("wrong verif-hash"));
        assertThat(verify(PaymentWebhooks.flutterwaveVerifHash(SECRET_HASH.substring(1), json), endpoint).verified())
                .isFalse();
        assertThat(verify(PaymentWebhooks.flutterwaveHmac(SECRET_HASH, json), endpoint))
                .isEqualTo(Verdict.refused("missing verif-hash"));
    }

    @Test
    void hmacSchemeAcceptsTheBase64HmacSha256OfTheRawBody() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.FLUTTERWAVE_HMAC_SHA256, SECRET_HASH);
        assertThat(verify(PaymentWebhooks.flutterwaveHmac(SECRET_HASH, json), endpoint)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void hmacSchemeRefusesABodyChangedAfterSigningAndTheUnsignedVerifHash() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.FLUTTERWAVE_HMAC_SHA256, SECRET_HASH);
        PaymentWebhooks.Signed signed = PaymentWebhooks.flutterwaveHmac(SECRET_HASH, json);

        assertThat(verify(signed.withBody(json.replace("\"amount\":100", "\"amount\":1")), endpoint))
                .isEqualTo(Verdict.refused("wrong flutterwave-signature"));
        // A business that chose body signatures is not downgraded to the shared-secret header.
        assertThat(verify(PaymentWebhooks.flutterwaveVerifHash(SECRET_HASH, json), endpoint))
                .isEqualTo(Verdict.refused("missing flutterwave-signature"));
    }

    @Test
    void hmacSchemeRefusesMalformedOrTruncatedSignatures() {
        PaymentEndpoint endpoint = PaymentWebhooks.endpoint(VerificationScheme.FLUTTERWAVE_HMAC_SHA256, SECRET_HASH);
        PaymentWebhooks.Signed signed = PaymentWebhooks.flutterwaveHmac(SECRET_HASH, json);
        String valid = signed.headers().get(FlutterwaveSignature.SIGNATURE);

        assertThat(verify(signed.withHeader(FlutterwaveSignature.SIGNATURE, "not base64!"), endpoint))
                .isEqualTo(Verdict.refused("malformed flutterwave-signature"));
        assertThat(verify(signed.withHeader(FlutterwaveSignature.SIGNATURE, valid.substring(0, 40)), endpoint)
                .verified()).isFalse();
        // The v4 page's "bare comparison" reading: the secret hash itself in the header is not a signature.
        assertThat(verify(signed.withHeader(FlutterwaveSignature.SIGNATURE, SECRET_HASH), endpoint).verified())
                .isFalse();
    }

    private Verdict verify(PaymentWebhooks.Signed signed, PaymentEndpoint endpoint) {
        return signature.verify(signed.body(), PaymentWebhooks.headers(signed), endpoint);
    }
}
