package com.sellavie.commerce.payment.settings;

import java.util.List;
import java.util.Optional;

/**
 * The key prefixes the providers document, per mode: Paystack {@code sk_test_/sk_live_}
 * ({@code pk_} public); Stripe {@code sk_} or restricted {@code rk_}, {@code pk_} public, {@code whsec_}
 * webhook signing secrets; Flutterwave {@code FLWSECK_TEST-/FLWSECK-} ({@code FLWPUBK} public).
 * Flutterwave's secret hash is chosen by the merchant and has no prefix.
 */
final class KeyFormats {

    private KeyFormats() {
    }

    static List<String> secretKeyPrefixes(Provider provider, Mode mode) {
        boolean test = mode == Mode.TEST;
        return switch (provider) {
            case PAYSTACK -> List.of(test ? "sk_test_" : "sk_live_");
            case STRIPE -> test ? List.of("sk_test_", "rk_test_") : List.of("sk_live_", "rk_live_");
            case FLUTTERWAVE -> List.of(test ? "FLWSECK_TEST-" : "FLWSECK-");
        };
    }

    static List<String> publicKeyPrefixes(Provider provider, Mode mode) {
        boolean test = mode == Mode.TEST;
        return switch (provider) {
            case PAYSTACK, STRIPE -> List.of(test ? "pk_test_" : "pk_live_");
            case FLUTTERWAVE -> List.of(test ? "FLWPUBK_TEST-" : "FLWPUBK-");
        };
    }

    /** Stripe's only documented webhook-secret prefix; Flutterwave's secret hash has none. */
    static Optional<String> webhookSecretPrefix(Provider provider) {
        return provider == Provider.STRIPE ? Optional.of("whsec_") : Optional.empty();
    }

    /** The documented prefix {@code secret} starts with, among both modes' secret keys (for masking and mode checks). */
    static Optional<String> secretKeyPrefix(Provider provider, String secret) {
        for (Mode mode : Mode.values()) {
            for (String prefix : secretKeyPrefixes(provider, mode)) {
                if (secret.startsWith(prefix)) {
                    return Optional.of(prefix);
                }
            }
        }
        return Optional.empty();
    }

    /** The mode whose documented secret-key prefix {@code secret} has, if any. */
    static Optional<Mode> modeOfSecretKey(Provider provider, String secret) {
        for (Mode mode : Mode.values()) {
            if (secretKeyPrefixes(provider, mode).stream().anyMatch(secret::startsWith)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
