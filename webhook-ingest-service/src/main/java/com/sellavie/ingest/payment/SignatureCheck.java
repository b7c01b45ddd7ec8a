package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** One provider's signature rule, applied to the exact bytes received with the endpoint's secrets. */
interface SignatureCheck {

    Verdict verify(byte[] body, HttpHeaders headers, PaymentEndpoint endpoint);

    /**
     * The one value of header {@code name}, or null when it is missing or sent several times (two signature
     * headers leave it open which one was meant: refused like a missing one).
     */
    static String single(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.size() != 1 ? null : values.getFirst().strip();
    }
}
