package com.sellavie.ai.settings;

/**
 * The only form of a business's key that leaves the service: its first three characters, an ellipsis
 * and its last four ({@code sk-…1a2b}), enough to recognise which key is stored. A short key shows
 * no characters at all.
 */
final class KeyMask {

    static final String ELLIPSIS = "…";
    private static final int MIN_FOR_HINT = 16;

    private KeyMask() {
    }

    static String mask(String key) {
        if (key.length() < MIN_FOR_HINT) {
            return ELLIPSIS;
        }
        return key.substring(0, 3) + ELLIPSIS + key.substring(key.length() - 4);
    }

    /** Whether a value sent as a key is a masked one (the console sends back what it was shown). */
    static boolean looksMasked(String value) {
        return value.contains(ELLIPSIS);
    }
}
