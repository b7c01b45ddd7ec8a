package com.sellavie.notification.messaging.commerce;

import java.util.Locale;

/** Small wording helpers shared by the commerce alerts. */
final class AlertText {

    /** Provider messages can be long; the feed shows one line. */
    static final int MAX_DETAIL_CHARS = 280;

    private AlertText() {
    }

    /** PAYSTACK -> Paystack, as the merchant knows it from the provider's own dashboard. */
    static String provider(String provider) {
        if (provider == null || provider.isBlank()) {
            return "The payment provider";
        }
        return switch (provider.strip().toUpperCase(Locale.ROOT)) {
            case "PAYSTACK" -> "Paystack";
            case "FLUTTERWAVE" -> "Flutterwave";
            case "STRIPE" -> "Stripe";
            default -> provider.strip();
        };
    }

    /** Whitespace runs collapsed to one space, cut at {@value #MAX_DETAIL_CHARS} characters (never inside a surrogate pair). */
    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_DETAIL_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_DETAIL_CHARS - 1)).stripTrailing() + "…";
    }

    /** UNKNOWN_SKU -> "Unknown sku". */
    static String humanize(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
