package com.sellavie.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured bearer secret (the operator token, the service-to-service token), compared in
 * constant time. Kept only as its SHA-256 digest, so the comparison leaks neither content nor
 * length, and the value itself is never at hand to log. Without a usable value it is closed: it
 * matches nothing. During a rotation it also accepts one more token ({@link #alsoAccepting}), so the
 * new value can be rolled out to every instance before any of them starts sending it.
 */
public class SharedToken {

    /** Shorter tokens are refused (closed, with a warning): a shared token must not be guessable. */
    public static final int MIN_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(SharedToken.class);

    private final byte[] digest;
    private final byte[] alsoAccepted;

    protected SharedToken(SharedToken source) {
        this.digest = source.digest;
        this.alsoAccepted = source.alsoAccepted;
    }

    private SharedToken(byte[] digest, byte[] alsoAccepted) {
        this.digest = digest;
        this.alsoAccepted = alsoAccepted;
    }

    /**
     * The token {@code value} gives, else the one in {@code file}; when neither is usable, a closed
     * one and one WARN saying why.
     *
     * @param guards    what the token opens, for the warning ("Operator endpoints /ops/**")
     * @param property  the environment variable to set (its {@code _FILE} twin names a file), for the warning
     */
    public static SharedToken from(String value, String file, String guards, String property) {
        String token = value;
        String source = property;
        if (isBlank(token) && !isBlank(file)) {
            source = property + "_FILE " + file;
            try {
                token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                log.warn("{} are closed: the token file {} cannot be read ({}: {})", guards, file,
                        e.getClass().getSimpleName(), e.getMessage());
                return closed();
            }
        }
        if (isBlank(token)) {
            log.warn("{} are closed: no token is configured (set {} or {}_FILE)", guards, property, property);
            return closed();
        }
        if (token.length() < MIN_LENGTH) {
            log.warn("{} are closed: the token from {} is shorter than {} characters", guards, source, MIN_LENGTH);
            return closed();
        }
        return new SharedToken(sha256(token), null);
    }

    /**
     * This token, also matching the one {@code value} (else {@code file}) gives: the rotation's other
     * value. None set: this token as it is. An unusable one (too short, unreadable file) is ignored with a
     * WARN, and a closed token stays closed: the second value never opens what the first does not.
     */
    public SharedToken alsoAccepting(String value, String file, String guards, String property) {
        if (isBlank(value) && isBlank(file)) {
            return this;
        }
        SharedToken other = from(value, file, guards + " (the also-accepted token " + property + ")", property);
        if (!other.configured()) {
            return this;
        }
        if (!configured()) {
            log.warn("{} stay closed: {} is set but there is no current token to rotate from", guards, property);
            return this;
        }
        return new SharedToken(digest, other.digest);
    }

    public static SharedToken closed() {
        return new SharedToken(null, null);
    }

    public boolean configured() {
        return digest != null;
    }

    /** Whether {@code presented} is the token (or the also-accepted one); always false when none is configured. */
    public boolean matches(String presented) {
        if (digest == null || presented == null) {
            return false;
        }
        byte[] candidate = sha256(presented);
        // Both compared every time: which of the two matched must not show in the timing either.
        boolean current = MessageDigest.isEqual(digest, candidate);
        boolean other = alsoAccepted != null && MessageDigest.isEqual(alsoAccepted, candidate);
        return current | other;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (!configured() ? "[closed]"
                : alsoAccepted != null ? "[configured, rotating]" : "[configured]");
    }
}
