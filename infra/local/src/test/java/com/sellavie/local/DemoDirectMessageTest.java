package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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

    @Test
    void everyChannelsWebhookIsSignedOverItsExactBytes() {
        for (DemoDirectMessage.Channel channel : DemoDirectMessage.Channel.values()) {
            DemoDirectMessage.SignedWebhook webhook = DemoDirectMessage.signed("app-secret", channel, "Hi",
                    1_700_000_000_000L);

            assertThat(webhook.signature()).as(channel.name())
                    .isEqualTo(WebhookSignature.sign("app-secret", webhook.body()))
                    .startsWith("sha256=");
        }
    }

    @Test
    void messengerBodyIsAPageMessageToTheDemoPageFromTheDemoCustomer() throws Exception {
        DemoDirectMessage.SignedWebhook webhook = DemoDirectMessage.signed("s", DemoDirectMessage.Channel.MESSENGER,
                "Do you ship abroad?", 1_700_000_000_000L);

        JsonNode body = new ObjectMapper().readTree(webhook.body());
        assertThat(body.path("object").asText()).isEqualTo("page");
        JsonNode entry = body.path("entry").path(0);
        assertThat(entry.path("id").asText()).isEqualTo(DemoBusiness.MESSENGER_PAGE_ID);
        assertThat(entry.path("time").asLong()).isEqualTo(1_700_000_000_000L);
        JsonNode event = entry.path("messaging").path(0);
        assertThat(event.path("sender").path("id").asText()).isEqualTo(DemoBusiness.MESSENGER_CUSTOMER_ID);
        assertThat(event.path("recipient").path("id").asText()).isEqualTo(DemoBusiness.MESSENGER_PAGE_ID);
        assertThat(event.path("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(event.path("message").path("text").asText()).isEqualTo("Do you ship abroad?");
        assertThat(event.path("message").path("mid").asText()).startsWith("m_demo_");
    }

    @Test
    void whatsAppBodyIsACloudApiTextMessageToTheDemoNumberFromTheDemoCustomer() throws Exception {
        DemoDirectMessage.SignedWebhook first = DemoDirectMessage.signed("s", DemoDirectMessage.Channel.WHATSAPP,
                "Is the linen shirt available?", 1_700_000_000_123L);
        DemoDirectMessage.SignedWebhook second = DemoDirectMessage.signed("s", DemoDirectMessage.Channel.WHATSAPP,
                "Is the linen shirt available?", 1_700_000_000_123L);

        JsonNode body = new ObjectMapper().readTree(first.body());
        assertThat(body.path("object").asText()).isEqualTo("whatsapp_business_account");
        JsonNode entry = body.path("entry").path(0);
        assertThat(entry.path("id").asText()).isEqualTo(DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID);
        JsonNode change = entry.path("changes").path(0);
        assertThat(change.path("field").asText()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("phone_number_id").asText())
                .isEqualTo(DemoBusiness.WHATSAPP_PHONE_NUMBER_ID);
        assertThat(value.path("metadata").path("display_phone_number").asText()).isEqualTo("15550100199");
        assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo(DemoBusiness.WHATSAPP_CUSTOMER_ID);
        assertThat(value.path("contacts").path(0).path("profile").path("name").asText())
                .isEqualTo(DemoBusiness.WHATSAPP_CUSTOMER_NAME);
        JsonNode message = value.path("messages").path(0);
        assertThat(message.path("from").asText()).isEqualTo(DemoBusiness.WHATSAPP_CUSTOMER_ID);
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").path("body").asText()).isEqualTo("Is the linen shirt available?");
        // A string of Unix seconds, as WhatsApp sends it.
        assertThat(message.path("timestamp").isTextual()).isTrue();
        assertThat(message.path("timestamp").asText()).isEqualTo("1700000000");
        String id = message.path("id").asText();
        assertThat(id).startsWith("wamid.");
        assertThat(new ObjectMapper().readTree(second.body()).path("entry").path(0).path("changes").path(0)
                .path("value").path("messages").path(0).path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void argumentsChooseTheChannelAndTheTextWithInstagramAndTheSampleQuestionByDefault() {
        assertThat(DemoDirectMessage.parse(List.of())).isEqualTo(new DemoDirectMessage.Request(
                DemoDirectMessage.Channel.INSTAGRAM, "Is the linen shirt available?"));
        assertThat(DemoDirectMessage.parse(List.of("Hello there"))).isEqualTo(new DemoDirectMessage.Request(
                DemoDirectMessage.Channel.INSTAGRAM, "Hello there"));
        assertThat(DemoDirectMessage.parse(List.of("--channel", "whatsapp", "Hi"))).isEqualTo(
                new DemoDirectMessage.Request(DemoDirectMessage.Channel.WHATSAPP, "Hi"));
        assertThat(DemoDirectMessage.parse(List.of("Hi", "--channel=Messenger"))).isEqualTo(
                new DemoDirectMessage.Request(DemoDirectMessage.Channel.MESSENGER, "Hi"));
        assertThat(DemoDirectMessage.parse(List.of("I'd", "like", "2", "shirts"))).isEqualTo(
                new DemoDirectMessage.Request(DemoDirectMessage.Channel.INSTAGRAM, "I'd like 2 shirts"));
    }

    @Test
    void anUnknownChannelOrOptionIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> DemoDirectMessage.parse(List.of("--channel", "telegram", "Hi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("telegram").hasMessageContaining("instagram|messenger|whatsapp");
        assertThatThrownBy(() -> DemoDirectMessage.parse(List.of("--channel")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoDirectMessage.parse(List.of("--chanel", "whatsapp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--chanel");
    }

    @Test
    void commentOptionSendsAnInstagramCommentOrAPageFeedCommentAndNeverAWhatsAppOne() throws Exception {
        assertThat(DemoDirectMessage.parse(List.of("--comment", "Price?"))).isEqualTo(
                new DemoDirectMessage.Request(DemoDirectMessage.Channel.INSTAGRAM, "Price?", true));
        assertThatThrownBy(() -> DemoDirectMessage.parse(List.of("--comment", "--channel", "whatsapp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--comment");

        DemoDirectMessage.SignedWebhook instagram = DemoDirectMessage.signedComment("s",
                DemoDirectMessage.Channel.INSTAGRAM, "Price?", 1_700_000_000_000L);
        DemoDirectMessage.SignedWebhook page = DemoDirectMessage.signedComment("s",
                DemoDirectMessage.Channel.MESSENGER, "Ship abroad?", 1_700_000_000_000L);

        assertThat(instagram.signature()).isEqualTo(WebhookSignature.sign("s", instagram.body()));
        JsonNode ig = new ObjectMapper().readTree(instagram.body()).path("entry").path(0);
        assertThat(ig.path("id").asText()).isEqualTo(DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        assertThat(ig.path("changes").path(0).path("field").asText()).isEqualTo("comments");
        assertThat(ig.path("changes").path(0).path("value").path("from").path("id").asText())
                .isEqualTo(DemoBusiness.CUSTOMER_ID);
        assertThat(ig.path("changes").path(0).path("value").path("text").asText()).isEqualTo("Price?");
        JsonNode fb = new ObjectMapper().readTree(page.body()).path("entry").path(0).path("changes").path(0);
        assertThat(fb.path("field").asText()).isEqualTo("feed");
        assertThat(fb.path("value").path("item").asText()).isEqualTo("comment");
        assertThat(fb.path("value").path("verb").asText()).isEqualTo("add");
        assertThat(fb.path("value").path("message").asText()).isEqualTo("Ship abroad?");
        assertThat(fb.path("value").path("created_time").asLong()).isEqualTo(1_700_000_000L);
    }
}
