package com.sellavie.platform.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured operator token, compared in constant time. Kept only as its SHA-256 digest, so the
 * comparison leaks neither content nor length, and the value itself is never at hand to log.
 */
final class OperatorToken {

    private static final Logger log = LoggerFactory.getLogger(OperatorToken.class);

    private final byte[] digest;

    private OperatorToken(byte[] digest) {
        this.digest = digest;
    }

    /** The token the properties name; when none is usable, a closed one and one WARN saying why. */
    static OperatorToken from(OpsProperties properties) {
        String token = properties.token();
        String source = "sellavie.ops.token";
        if (isBlank(token) && !isBlank(properties.tokenFile())) {
            source = "sellavie.ops.token-file " + properties.tokenFile();
            try {
                token = Files.readString(Path.of(properties.tokenFile()), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                log.warn("Operator endpoints /ops/** are closed: the operator token file {} cannot be read ({}: {})",
                        properties.tokenFile(), e.getClass().getSimpleName(), e.getMessage());
                return closed();
            }
        }
        if (isBlank(token)) {
            log.warn("Operator endpoints /ops/** are closed: no operator token is configured (set SELLAVIE_OPS_TOKEN"
                    + " or SELLAVIE_OPS_TOKEN_FILE)");
            return closed();
        }
        if (token.length() < OpsProperties.MIN_TOKEN_LENGTH) {
            log.warn("Operator endpoints /ops/** are closed: the operator token from {} is shorter than {} characters",
                    source, OpsProperties.MIN_TOKEN_LENGTH);
            return closed();
        }
        return new OperatorToken(sha256(token));
    }

    static OperatorToken closed() {
        return new OperatorToken(null);
    }

    boolean configured() {
        return digest != null;
    }

    /** Whether {@code presented} is the token; always false when none is configured. */
    boolean matches(String presented) {
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
        return configured() ? "OperatorToken[configured]" : "OperatorToken[closed]";
    }
}
