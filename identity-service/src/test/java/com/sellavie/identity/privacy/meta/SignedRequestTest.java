package com.sellavie.identity.privacy.meta;

import static com.sellavie.identity.privacy.PrivacyFixtures.metaPayload;
import static com.sellavie.identity.privacy.PrivacyFixtures.signedRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.identity.privacy.meta.SignedRequest.InvalidSignedRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final byte[] SECRET = "app-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_AGE = Duration.ofHours(1);

    @Test
    void acceptsMetasHistoricalTestVectorSignedWithSecret() {
        // developers.facebook.com/docs/authentication/canvas (PROVIDERS.md 1.8): secret "secret".
        String vector = "vlXgu64BQGFSQrY0ZcJBZASMvYvTHu9GQ0YM9rjPSso.eyJhbGdvcml0aG0iOiJITUFDLVNIQTI1NiIsIjAiOiJwYXlsb2FkIn0";

        assertThat(SignedRequest.signatureHolds(vector, "secret".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(SignedRequest.signatureHolds(vector, "other".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void readsTheUserOfAValidRequest() {
        String signed = signedRequest(metaPayload("1234567890", NOW.getEpochSecond() - 60), "app-secret");

        SignedRequest.Verified verified = SignedRequest.verify(signed, SECRET, MAX_AGE, CLOCK);

        assertThat(verified.userId()).isEqualTo("1234567890");
        assertThat(verified.issuedAt()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void acceptsTheAlgorithmInAnyCase() {
        String payload = "{\"algorithm\":\"hmac-sha256\",\"issued_at\":" + NOW.getEpochSecond() + ",\"user_id\":\"42\"}";

        assertThat(SignedRequest.verify(signedRequest(payload, "app-secret"), SECRET, MAX_AGE, CLOCK).userId())
                .isEqualTo("42");
    }

    @Test
    void toleratesPaddedParts() {
        // A 32-byte HMAC is 43 base64 characters: padded, it ends in "=".
        String payload = metaPayload("7", NOW.getEpochSecond());
        String signed = signedRequest(payload, "app-secret");
        String[] parts = signed.split("\\.");
        String padded = pad(parts[0]) + "." + parts[1];

        assertThat(SignedRequest.verify(padded, SECRET, MAX_AGE, CLOCK).userId()).isEqualTo("7");
    }

    @Test
    void refusesAForgedSignature() {
        String forged = signedRequest(metaPayload("1", NOW.getEpochSecond()), "not-the-app-secret");

        assertRefused(forged, "signature does not match");
    }

    @Test
    void refusesAPayloadChangedAfterSigning() {
        String signed = signedRequest(metaPayload("1", NOW.getEpochSecond()), "app-secret");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                metaPayload("2", NOW.getEpochSecond()).getBytes(StandardCharsets.UTF_8));

        assertRefused(signed.substring(0, signed.indexOf('.') + 1) + otherPayload, "signature does not match");
    }

    @Test
    void refusesAnotherAlgorithmEvenWhenSigned() {
        String payload = "{\"algorithm\":\"none\",\"issued_at\":" + NOW.getEpochSecond() + ",\"user_id\":\"1\"}";

        assertRefused(signedRequest(payload, "app-secret"), "algorithm must be HMAC-SHA256");
    }

    @Test
    void refusesAMissingAlgorithm() {
        String payload = "{\"issued_at\":" + NOW.getEpochSecond() + ",\"user_id\":\"1\"}";

        assertRefused(signedRequest(payload, "app-secret"), "algorithm must be HMAC-SHA256");
    }

    @Test
    void refusesMalformedRequests() {
        assertRefused(null, "missing");
        assertRefused("", "missing");
        assertRefused("no-dot-at-all", "not <signature>.<payload>");
        assertRefused(".payload-only", "not <signature>.<payload>");
        assertRefused("signature-only.", "not <signature>.<payload>");
        assertRefused("!!!.eyJ9", "not base64url");
        String notJson = Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes(StandardCharsets.UTF_8));
        assertRefused(sign(notJson), "not JSON");
        String array = Base64.getUrlEncoder().withoutPadding().encodeToString("[1]".getBytes(StandardCharsets.UTF_8));
        assertRefused(sign(array), "not a JSON object");
    }

    @Test
    void refusesARequestWithoutUserOrIssueTime() {
        assertRefused(signedRequest("{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":" + NOW.getEpochSecond() + "}",
                "app-secret"), "no user_id");
        assertRefused(signedRequest("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}", "app-secret"),
                "no issued_at");
    }

    @Test
    void refusesAnExpiredOrFutureRequest() {
        assertRefused(signedRequest(metaPayload("1", NOW.minus(MAX_AGE).getEpochSecond() - 1), "app-secret"),
                "too long ago");
        assertRefused(signedRequest(metaPayload("1", NOW.plus(Duration.ofHours(1)).getEpochSecond()), "app-secret"),
                "too long ago");
    }

    private static String sign(String encodedPayload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                SignedRequest.hmacSha256(SECRET, encodedPayload.getBytes(StandardCharsets.US_ASCII))) + "." + encodedPayload;
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }

    private static void assertRefused(String signed, String reason) {
        assertThatThrownBy(() -> SignedRequest.verify(signed, SECRET, MAX_AGE, CLOCK))
                .isInstanceOf(InvalidSignedRequestException.class)
                .hasMessageContaining(reason);
    }
}
