package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;

/**
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>,...}, checked by stripe-java against each of the
 * endpoint's signing secrets, the current one and, during a rotation, the previous one (Stripe signs with
 * both for 24 h). A signature that matches but whose {@code t} is older than the tolerance (300 s) is
 * refused: a captured webhook cannot be replayed later.
 */
final class StripeSignature implements SignatureCheck {

    static final String HEADER = "Stripe-Signature";
    static final long TOLERANCE_SECONDS = 300;
    private static final String OUTSIDE_TOLERANCE = "timestamp outside tolerance";

    private final Clock clock;

    StripeSignature(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verdict verify(byte[] body, HttpHeaders headers, PaymentEndpoint endpoint) {
        String header = SignatureCheck.single(headers, HEADER);
        if (header == null || header.isEmpty()) {
            return Verdict.refused("missing " + HEADER);
        }
        // Stripe signs its UTF-8 JSON; decoding and re-encoding valid UTF-8 gives back the same bytes.
        String payload = new String(body, StandardCharsets.UTF_8);
        String reason = "wrong " + HEADER;
        for (String secret : endpoint.secrets()) {
            try {
                Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS, clock);
                return Verdict.VERIFIED;
            } catch (SignatureVerificationException e) {
                // stripe-java checks the time only after a signature matched: this one is genuine but stale.
                if (e.getMessage() != null && e.getMessage().contains("tolerance")) {
                    reason = OUTSIDE_TOLERANCE;
                }
            }
        }
        return Verdict.refused(reason);
    }
}
