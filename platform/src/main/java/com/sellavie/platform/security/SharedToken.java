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
 * matches nothing.
 */
public class SharedToken {

    /** Shorter tokens are refused (closed, with a warning): a shared token must not be guessable. */
    public static final int MIN_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(SharedToken.class);

    private final byte[] digest;

    protected SharedToken(SharedToken source) {
        this.digest = source.digest;
    }

    private SharedToken(byte[] digest) {
        this.digest = digest;
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
        return new SharedToken(sha256(token));
    }

    public static SharedToken closed() {
        return new SharedToken((byte[]) null);
    }

    public boolean configured() {
        return digest != null;
    }

    /** Whether {@code presented} is the token; always false when none is configured. */
    public boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
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
        return getClass().getSimpleName() + (configured() ? "[configured]" : "[closed]");
    }
}
