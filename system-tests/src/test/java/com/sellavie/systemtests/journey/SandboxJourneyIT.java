package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Try your assistant" (issue 8 point 11), from outside: a merchant with no channel at all writes to their
 * assistant through the gateway; the message goes ingest → conversation → ai → conversation, and the
 * assistant's reply shows SENT in the member's sandbox conversation, with no call to Meta.
 */
@ExtendWith(SellavieStackExtension.class)
class SandboxJourneyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aMerchantWithoutAnyChannelChatsWithTheirAssistant(SellavieStack stack) {
        // Given a merchant who just signed up (no Meta account, no channel)
        Gateway gateway = new Gateway(stack.gatewayUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String token = Shop.signUp(gateway, stack.mail(), "sandbox-" + suffix + "@example.com", "Sandbox Shop " + suffix)
                .path("accessToken").asText();
        gateway.get("/api/sandbox/conversation", token).expect(404);
        int sendCallsBefore = stack.metaGraphApi().sendApiCalls().size();

        // When they try their assistant
        String text = "Hello! Do you ship linen shirts to Lagos? " + suffix;
        JsonNode accepted = gateway.postJson("/api/sandbox/messages", Map.of("text", text), token).expect(202).json();
        assertThat(accepted.path("messageId").asText()).startsWith("sandbox-");

        // Then the assistant's reply shows, sent, in their sandbox conversation
        JsonNode conversation = await().atMost(REPLY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/sandbox/conversation", token), answer -> answer.status() == 200).json();
        assertThat(conversation.path("sandbox").asBoolean()).isTrue();
        assertThat(conversation.path("channel").path("type").asText()).isEqualTo("SANDBOX");
        String messagesPath = "/api/conversations/" + conversation.path("id").asText() + "/messages";
        List<JsonNode> messages = await().atMost(REPLY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> list(gateway.get(messagesPath, token).expect(200).json()),
                        all -> all.size() == 2 && "SENT".equals(all.get(1).path("deliveryStatus").asText()));
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("INBOUND");
        assertThat(messages.get(0).path("text").asText()).isEqualTo(text);
        assertThat(messages.get(1).path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(messages.get(1).path("authorType").asText()).isEqualTo("AI");
        assertThat(messages.get(1).path("text").asText()).isNotBlank();
        // nothing went to Meta, and the test conversation is not in the team's inbox
        assertThat(stack.metaGraphApi().sendApiCalls()).hasSize(sendCallsBefore);
        assertThat(gateway.get("/api/conversations", token).expect(200).json()).isEmpty();

        // And another business sees none of it
        String otherToken = Shop.anotherBusinessToken(stack);
        gateway.get("/api/sandbox/conversation", otherToken).expect(404);
        gateway.get(messagesPath, otherToken).expect(404);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
