package com.sellavie.identity.privacy.meta;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's {@code signed_request}: {@code base64url(HMAC-SHA256(encodedPayload, appSecret)) + "." +
 * encodedPayload}, the payload base64url JSON with {@code algorithm} "HMAC-SHA256" (any case),
 * {@code issued_at} and {@code user_id} (PROVIDERS.md 1.8). Meta omits base64 padding; padded parts
 * are tolerated since some SDKs add it, and the signature is checked over the payload exactly as sent.
 */
final class SignedRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LENGTH = 8192;

    private SignedRequest() {
    }

    /** The verified payload's user id and issue time, or why it was refused (never with the secret). */
    static Verified verify(String signedRequest, byte[] appSecret, Duration maxAge, Clock clock) {
        if (signedRequest == null || signedRequest.isBlank() || signedRequest.length() > MAX_LENGTH) {
            throw new InvalidSignedRequestException("signed_request is missing or too long");
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1) {
            throw new InvalidSignedRequestException("signed_request is not <signature>.<payload>");
        }
        String encodedSignature = signedRequest.substring(0, dot);
        String encodedPayload = signedRequest.substring(dot + 1);
        byte[] signature = decode(encodedSignature, "signature");
        byte[] expected = hmacSha256(appSecret, encodedPayload.getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(signature, expected)) {
            throw new InvalidSignedRequestException("signed_request signature does not match");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(decode(encodedPayload, "payload"));
        } catch (JacksonException e) {
            throw new InvalidSignedRequestException("signed_request payload is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new InvalidSignedRequestException("signed_request payload is not a JSON object");
        }
        String algorithm = payload.path("algorithm").asString("");
        if (!"HMAC-SHA256".equals(algorithm.toUpperCase(Locale.ROOT))) {
            throw new InvalidSignedRequestException("signed_request algorithm must be HMAC-SHA256");
        }
        JsonNode issuedAt = payload.path("issued_at");
        if (issuedAt.isMissingNode() || !issuedAt.isNumber()) {
            throw new InvalidSignedRequestException("signed_request has no issued_at");
        }
        Instant issued = Instant.ofEpochSecond(issuedAt.asLong());
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(maxAge)) || issued.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidSignedRequestException("signed_request was issued too long ago (or in the future)");
        }
        JsonNode userId = payload.path("user_id");
        String user = userId.isString() || userId.isNumber() ? userId.asString() : "";
        if (user.isBlank() || user.length() > 64) {
            throw new InvalidSignedRequestException("signed_request has no user_id");
        }
        return new Verified(user, issued);
    }

    /** Only whether the signature and algorithm hold (the historical vector carries no user or time). */
    static boolean signatureHolds(String signedRequest, byte[] appSecret) {
        int dot = signedRequest.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            byte[] signature = decode(signedRequest.substring(0, dot), "signature");
            return MessageDigest.isEqual(signature,
                    hmacSha256(appSecret, signedRequest.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)));
        } catch (InvalidSignedRequestException e) {
            return false;
        }
    }

    private static byte[] decode(String part, String name) {
        String unpadded = part.endsWith("==") ? part.substring(0, part.length() - 2)
                : part.endsWith("=") ? part.substring(0, part.length() - 1) : part;
        try {
            return Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignedRequestException("signed_request " + name + " is not base64url");
        }
    }

    static byte[] hmacSha256(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** @param userId Meta's app-scoped user id (personal data: never logged) */
    record Verified(String userId, Instant issuedAt) {

        @Override
        public String toString() {
            return "Verified[issuedAt=" + issuedAt + "]";
        }
    }

    static final class InvalidSignedRequestException extends RuntimeException {

        InvalidSignedRequestException(String message) {
            super(message);
        }
    }
}
