package com.sellavie.conversation.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.window.WindowDecision.Allowance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Send API bodies each engine builds, as PROVIDERS.md §1.7 shows them. */
class SendBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(Map<String, Object> body) {
        return JSON.readTree(JSON.writeValueAsString(body));
    }

    @Test
    void instagramInsideTheWindowSendsRecipientAndTextOnly() {
        JsonNode body = json(MessengerPlatformBodies.body(new OutgoingMessage("igsid-1", "Hi", null, null,
                Allowance.RESPONSE), null));

        assertThat(body.get("recipient").get("id").asString()).isEqualTo("igsid-1");
        assertThat(body.get("message").get("text").asString()).isEqualTo("Hi");
        assertThat(body.has("messaging_type")).isFalse();
        assertThat(body.has("tag")).isFalse();
    }

    @Test
    void aPrivateReplyNamesTheCommentInsteadOfTheCustomerAndCarriesOnlyTheText() {
        JsonNode body = json(MessengerPlatformBodies.body(new OutgoingMessage("psid-1", "45 EUR", null, null,
                Allowance.RESPONSE, "17858893269000001"), "RESPONSE"));

        assertThat(body).isEqualTo(JSON.readTree("{\"recipient\":{\"comment_id\":\"17858893269000001\"},"
                + "\"message\":{\"text\":\"45 EUR\"}}"));
    }

    @Test
    void aHumanAgentReplyCarriesTheMessageTag() {
        JsonNode body = json(MessengerPlatformBodies.body(new OutgoingMessage("igsid-1", "Sorry for the wait", null,
                null, Allowance.HUMAN_AGENT), null));

        assertThat(body.get("messaging_type").asString()).isEqualTo("MESSAGE_TAG");
        assertThat(body.get("tag").asString()).isEqualTo("HUMAN_AGENT");
    }

    @Test
    void anImageGoesAsAnAttachmentWithItsUrl() {
        JsonNode body = json(MessengerPlatformBodies.body(new OutgoingMessage("psid-1", null,
                "https://cdn.example.com/a.jpg", null, Allowance.RESPONSE), "RESPONSE"));

        assertThat(body.get("messaging_type").asString()).isEqualTo("RESPONSE");
        JsonNode attachment = body.get("message").get("attachment");
        assertThat(attachment.get("type").asString()).isEqualTo("image");
        assertThat(attachment.get("payload").get("url").asString()).isEqualTo("https://cdn.example.com/a.jpg");
        assertThat(body.get("message").has("text")).isFalse();
    }

    @Test
    void whatsAppTextImageAndTemplateBodies() {
        JsonNode text = json(WhatsAppSendApi.body(new OutgoingMessage("2348000000000", "Hello", null, null,
                Allowance.RESPONSE)));
        JsonNode image = json(WhatsAppSendApi.body(new OutgoingMessage("2348000000000", null,
                "https://cdn.example.com/a.jpg", null, Allowance.RESPONSE)));
        JsonNode template = json(WhatsAppSendApi.body(new OutgoingMessage("2348000000000", null, null,
                new TemplateMessage("hello_world", "en_US", List.of()), Allowance.TEMPLATE)));

        assertThat(text.get("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(text.get("to").asString()).isEqualTo("2348000000000");
        assertThat(text.get("text").get("preview_url").asBoolean()).isFalse();
        assertThat(text.get("text").get("body").asString()).isEqualTo("Hello");
        assertThat(image.get("type").asString()).isEqualTo("image");
        assertThat(image.get("image").has("caption")).isFalse();
        assertThat(template.get("template").get("language").get("code").asString()).isEqualTo("en_US");
        assertThat(template.get("template").has("components")).as("no parameters, no components").isFalse();
    }
}
