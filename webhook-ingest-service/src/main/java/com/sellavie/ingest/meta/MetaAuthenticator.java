package com.sellavie.ingest.meta;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a call really comes from Meta: the {@code X-Hub-Signature-256} of a POST (HMAC-SHA256
 * of the exact received bytes with the app secret) and the verify token of the subscription handshake.
 * Both comparisons take the same time whatever matches, and with an empty secret or token nothing
 * matches (fail closed). Neither the secret nor any signature is ever logged.
 */
class MetaAuthenticator {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final Logger log = LoggerFactory.getLogger(MetaAuthenticator.class);
    private static final String PREFIX = "sha256=";
    private static final int SHA256_HEX_LENGTH = 64;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec appSecret;
    /** Keyed once; each call uses a clone (a Mac is not thread-safe, and Mac.getInstance + init cost more). */
    private final Mac keyedMac;
    private final byte[] verifyTokenDigest;

    MetaAuthenticator(MetaProperties properties) {
        this.appSecret = properties.appSecret().isEmpty() ? null
                : new SecretKeySpec(properties.appSecret().getBytes(StandardCharsets.UTF_8), HMAC);
        this.keyedMac = appSecret == null ? null : keyed(appSecret);
        this.verifyTokenDigest = properties.verifyToken().isEmpty() ? null : sha256(properties.verifyToken());
        if (appSecret == null || verifyTokenDigest == null) {
            log.warn("Meta webhooks are DISABLED (fail closed): {} empty; every /webhooks/meta call will be rejected "
                    + "(set SELLAVIE_META_APP_SECRET and SELLAVIE_META_VERIFY_TOKEN)",
                    appSecret == null && verifyTokenDigest == null ? "app secret and verify token are"
                            : appSecret == null ? "app secret is" : "verify token is");
        }
    }

    /**
     * Whether {@code signatureHeaders} (every value of the header received) hold exactly one
     * well-formed {@code sha256=<64 hex>} that is the HMAC of {@code body}.
     */
    boolean signatureMatches(byte[] body, List<String> signatureHeaders) {
        if (appSecret == null || signatureHeaders.size() != 1) {
            return false;
        }
        byte[] claimed = parse(signatureHeaders.getFirst());
        return claimed != null && MessageDigest.isEqual(hmac(body), claimed);
    }

    /** Whether {@code token} is the configured verify token; digests first, so even its length stays private. */
    boolean verifyTokenMatches(String token) {
        return verifyTokenDigest != null && token != null && MessageDigest.isEqual(verifyTokenDigest, sha256(token));
    }

    private static byte[] parse(String header) {
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || value.length() != PREFIX.length() + SHA256_HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value, PREFIX.length(), value.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            return ((Mac) keyedMac.clone()).doFinal(body);
        } catch (CloneNotSupportedException e) {
            // Every JDK provider's HmacSHA256 is cloneable; keying a fresh one is the slow, correct fallback.
            return keyed(appSecret).doFinal(body);
        }
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
