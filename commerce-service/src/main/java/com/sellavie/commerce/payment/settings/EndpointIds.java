package com.sellavie.commerce.payment.settings;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Webhook endpoint ids: {@code pe_} + 24 random base62 characters (~142 bits), the unguessable part
 * of a webhook URL that tells ingest which business and provider a delivery is for.
 */
final class EndpointIds {

    static final Pattern FORMAT = Pattern.compile("pe_[0-9A-Za-z]{24}");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private EndpointIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder("pe_");
        for (int i = 0; i < 24; i++) {
            id.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
