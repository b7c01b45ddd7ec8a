package com.sellavie.commerce.payment.settings;

import java.util.Locale;
import java.util.Optional;

/** A payment provider a business can connect. */
public enum Provider {
    PAYSTACK,
    FLUTTERWAVE,
    STRIPE;

    /** The provider's segment of the webhook URL: {@code /webhooks/paystack/{endpointId}}. */
    public String webhookPathSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Provider> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
