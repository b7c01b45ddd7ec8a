package com.sellavie.commerce.payment.settings;

/**
 * The only form of a secret that leaves the service through the API: the documented prefix, an
 * ellipsis and the last four characters ({@code sk_test_…4f2a}), enough for a merchant to recognise
 * which key is stored.
 */
final class SecretMask {

    /** A secret shorter than this after its prefix shows no tail: four characters would be too much of it. */
    private static final int MIN_HIDDEN = 12;

    private SecretMask() {
    }

    static String mask(String secret, String prefix) {
        String shown = prefix == null ? "" : prefix;
        if (secret.length() - shown.length() < MIN_HIDDEN + 4) {
            return shown + "…";
        }
        return shown + "…" + secret.substring(secret.length() - 4);
    }
}
