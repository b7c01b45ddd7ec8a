package com.sellavie.identity.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An invitation's secret: 256 random bits, base64url (43 characters). Only its SHA-256 is stored; the
 * raw value exists in the accept link handed to the inviter, once.
 */
final class InvitationToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationToken() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Whether {@code token} could be one of ours; anything else is refused without a database read. */
    static boolean plausible(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
