package com.sellavie.ingest.payment.endpoint;

import java.util.Locale;
import java.util.Optional;

/** The payment providers whose webhooks ingest verifies; each has its own URL segment under /webhooks. */
public enum PaymentProvider {
    PAYSTACK, FLUTTERWAVE, STRIPE;

    /** The lower-case segment of the webhook URL: {@code /webhooks/<segment>/{endpointId}}. */
    public String pathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider a URL segment names, if any. */
    public static Optional<PaymentProvider> ofPathSegment(String segment) {
        for (PaymentProvider provider : values()) {
            if (provider.pathSegment().equals(segment)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
