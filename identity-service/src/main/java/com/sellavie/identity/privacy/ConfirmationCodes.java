package com.sellavie.identity.privacy;

import java.security.SecureRandom;

/** Meta's confirmation codes: alphanumeric, unguessable (the status page is public). */
final class ConfirmationCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Whether {@code value} could be a code (checked before any lookup). */
    static boolean wellFormed(String value) {
        return value != null && value.length() == LENGTH && value.chars().allMatch(Character::isLetterOrDigit)
                && value.chars().allMatch(c -> c < 128);
    }
}
