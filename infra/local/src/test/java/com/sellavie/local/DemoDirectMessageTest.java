package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DemoDirectMessageTest {

    @Test
    void signatureIsHmacSha256OverTheExactBodyBytes() throws Exception {
        DemoDirectMessage.SignedWebhook webhook = DemoDirectMessage.signed("app-secret", "Is the linen shirt available?",
                1_700_000_000_000L);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(webhook.body()));
        assertThat(MessageDigest.isEqual(webhook.signature().getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))).isTrue();
        // One byte more (as a re-serialised body would have) no longer verifies.
        byte[] altered = (new String(webhook.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign("app-secret", altered)).isNotEqualTo(webhook.signature());
        assertThat(WebhookSignature.sign("other-secret", webhook.body())).isNotEqualTo(webhook.signature());
    }

    @Test
    void bodyIsAnInstagramDmToTheDemoAccountFromTheDemoCustomer() throws Exception {
        DemoDirectMessage.SignedWebhook first = DemoDirectMessage.signed("s", "Hello", 1_700_000_000_000L);
        DemoDirectMessage.SignedWebhook second = DemoDirectMessage.signed("s", "Hello", 1_700_000_000_000L);

        JsonNode body = new ObjectMapper().readTree(first.body());
        assertThat(body.path("object").asText()).isEqualTo("instagram");
        JsonNode entry = body.path("entry").path(0);
        assertThat(entry.path("id").asText()).isEqualTo(DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        JsonNode event = entry.path("messaging").path(0);
        assertThat(event.path("sender").path("id").asText()).isEqualTo(DemoBusiness.CUSTOMER_ID);
        assertThat(event.path("recipient").path("id").asText()).isEqualTo(DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        assertThat(event.path("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(event.path("message").path("text").asText()).isEqualTo("Hello");
        String mid = event.path("message").path("mid").asText();
        assertThat(mid).startsWith("m_demo_");
        // Every DM is a new message: a fresh mid, so conversation-service does not de-duplicate it.
        assertThat(new ObjectMapper().readTree(second.body()).path("entry").path(0).path("messaging").path(0)
                .path("message").path("mid").asText()).isNotEqualTo(mid);
    }
}
