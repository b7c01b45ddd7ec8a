package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import java.util.Base64;
import org.springframework.http.HttpHeaders;

/**
 * Flutterwave, per business (PROVIDERS.md §3, §6.3): {@code verif-hash} equal to the secret hash (v3; the
 * body itself is not authenticated), or, as an option, {@code flutterwave-signature} = base64 HMAC-SHA256 of
 * the raw body with the secret hash. Only the business's chosen scheme is accepted: a business that opted
 * into body signatures must not be downgraded to the shared-secret header.
 */
final class FlutterwaveSignature implements SignatureCheck {

    static final String VERIF_HASH = "verif-hash";
    static final String SIGNATURE = "flutterwave-signature";
    private static final int SHA256_BYTES = 32;

    @Override
    public Verdict verify(byte[] body, HttpHeaders headers, PaymentEndpoint endpoint) {
        return endpoint.scheme() == VerificationScheme.FLUTTERWAVE_HMAC_SHA256
                ? hmac(body, headers, endpoint) : verifHash(headers, endpoint);
    }

    private static Verdict verifHash(HttpHeaders headers, PaymentEndpoint endpoint) {
        String header = SignatureCheck.single(headers, VERIF_HASH);
        if (header == null || header.isEmpty()) {
            return Verdict.refused("missing " + VERIF_HASH);
        }
        return Hmacs.anySecretEquals(endpoint.secrets(), header) ? Verdict.VERIFIED
                : Verdict.refused("wrong " + VERIF_HASH);
    }

    private static Verdict hmac(byte[] body, HttpHeaders headers, PaymentEndpoint endpoint) {
        String header = SignatureCheck.single(headers, SIGNATURE);
        if (header == null || header.isEmpty()) {
            return Verdict.refused("missing " + SIGNATURE);
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.refused("malformed " + SIGNATURE);
        }
        if (claimed.length != SHA256_BYTES) {
            return Verdict.refused("malformed " + SIGNATURE);
        }
        return Hmacs.anyHmacMatches("HmacSHA256", endpoint.secrets(), body, claimed) ? Verdict.VERIFIED
                : Verdict.refused("wrong " + SIGNATURE);
    }
}
