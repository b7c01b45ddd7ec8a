package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;

/**
 * Paystack: {@code x-paystack-signature} is the hex HMAC-SHA512 of the raw body with the business's secret key
 * (PROVIDERS.md §2). Hex in either case; compared in constant time.
 */
final class PaystackSignature implements SignatureCheck {

    static final String HEADER = "x-paystack-signature";
    private static final int SHA512_HEX_LENGTH = 128;

    @Override
    public Verdict verify(byte[] body, HttpHeaders headers, PaymentEndpoint endpoint) {
        String header = SignatureCheck.single(headers, HEADER);
        if (header == null) {
            return Verdict.refused("missing " + HEADER);
        }
        if (header.length() != SHA512_HEX_LENGTH) {
            return Verdict.refused("malformed " + HEADER);
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header);
        } catch (IllegalArgumentException notHex) {
            return Verdict.refused("malformed " + HEADER);
        }
        return Hmacs.anyHmacMatches("HmacSHA512", endpoint.secrets(), body, claimed) ? Verdict.VERIFIED
                : Verdict.refused("wrong " + HEADER);
    }
}
