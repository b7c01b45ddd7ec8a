package com.sellavie.identity.privacy;

import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.schemas.EventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Small factories: a service's answer, and Meta's signed_request. */
public final class PrivacyFixtures {

    /** The test context's Meta app secret (src/test/resources/config/application.yml). */
    public static final String META_APP_SECRET = "test-meta-app-secret";

    private PrivacyFixtures() {
    }

    public static PrivacyTaskCompleted answer(String businessId, String requestId, String kind, String service,
            String outcome, int itemCount, String detail) {
        EventMetadata metadata = EventMetadata.startOfJourney(UUID.fromString(businessId), Instant.now());
        return PrivacyTaskCompleted.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId()).setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setRequestId(UUID.fromString(requestId)).setRequestKind(kind).setService(service)
                .setOutcome(outcome).setItemCount(itemCount).setDetail(detail)
                .build();
    }

    /** A signed_request as Meta sends it: base64url without padding, HMAC-SHA256 over the encoded payload. */
    public static String signedRequest(String payloadJson, String secret) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return encoder.encodeToString(hmac(secret, payload)) + "." + payload;
    }

    public static String metaPayload(String userId, long issuedAt) {
        return "{\"algorithm\":\"HMAC-SHA256\",\"expires\":1291840400,\"issued_at\":" + issuedAt
                + ",\"user_id\":\"" + userId + "\"}";
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
