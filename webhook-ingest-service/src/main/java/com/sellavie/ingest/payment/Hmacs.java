package com.sellavie.ingest.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC and constant-time comparisons the provider signatures are made of. */
final class Hmacs {

    private Hmacs() {
    }

    static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    /** Whether {@code claimed} is the HMAC of {@code body} under any of {@code secrets}; each compared in constant time. */
    static boolean anyHmacMatches(String algorithm, List<String> secrets, byte[] body, byte[] claimed) {
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(hmac(algorithm, secret, body), claimed);
        }
        return matched;
    }

    /**
     * Whether {@code claimed} equals any of {@code secrets}, compared as SHA-256 digests so that neither the
     * content nor the length of a secret shows in the time taken.
     */
    static boolean anySecretEquals(List<String> secrets, String claimed) {
        byte[] claimedDigest = sha256(claimed);
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(sha256(secret), claimedDigest);
        }
        return matched;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
