package com.sellavie.ai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole context reaching a real (OpenAI-shaped, WireMock) model: commerce's orders consumed from
 * commerce.orders, and the conversation's history fitted to a small token budget.
 */
@SpringBootTest
@IntegrationTest
class ReplyContextIntegrationTest {

    private static final Product SHIRT = new Product("LINEN-SHIRT-M", "Linen Shirt", null, 2500, "USD", null);

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("sellavie.ai.providers", () -> "openai");
        registry.add("sellavie.ai.endpoints.openai.base-url", openai::baseUrl);
        registry.add("sellavie.ai.endpoints.openai.api-key", () -> ChatCompletionStubs.KEY);
        registry.add("sellavie.ai.prompt.history-tokens", () -> "300");
        registry.add("sellavie.ai.prompt.summary-tokens", () -> "150");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theModelIsAskedWithTheCustomersOpenOrderAndTheTrimmedHistory() {
        // Given commerce placed an order for this customer, and another for someone else of the same shop
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        OrderPlaced mine = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, conversation, SHIRT, 2,
                Instant.now().minusSeconds(600));
        OrderPlaced someoneElses = Fixtures.orderPlaced(business, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), SHIRT, 7, Instant.now().minusSeconds(300));
        EventRecords.publish(mine, mine.getOrderId().toString(), 1);
        EventRecords.publish(someoneElses, someoneElses.getOrderId().toString(), 1);
        awaitApplied(mine.getEventId());
        awaitApplied(someoneElses.getEventId());
        // and a model that states the order's total (commerce's amount, not a catalog price)
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker)).willReturn(completion("gpt-4o-mini",
                "Your order of 2 Linen Shirts, 50.00 USD, is awaiting payment.")));

        // When the customer asks after a long conversation (about 650 tokens of history, 300 allowed)
        ReplyRequestedHistoryMessage[] history = new ReplyRequestedHistoryMessage[6];
        for (int i = 0; i < 6; i++) {
            history[i] = Fixtures.history(i % 2 == 0 ? "INBOUND" : "OUTBOUND",
                    "Turn " + i + " starts here. " + ("filler" + i + " ").repeat(50));
        }
        ReplyRequested request = Fixtures.replyRequested(business, conversation, contact,
                "where is my order? " + marker, history);
        EventRecords.publish(request, conversation.toString(), 1);

        // Then the reply is sent as the model wrote it (the order's total is a fact, not an invented price)
        ReplyGenerated reply = EventRecords.awaitRecords(Topics.AI_REPLIES.name(), ReplyGenerated.class,
                r -> r.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty()).getFirst().value();
        assertThat(reply.getText()).isEqualTo("Your order of 2 Linen Shirts, 50.00 USD, is awaiting payment.");
        // and the model saw this customer's order with its status and total, never the other customer's
        String body = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))).getFirst().getBodyAsString();
        assertThat(body).contains(mine.getOrderId().toString(),
                        "2 x Linen Shirt (LINEN-SHIRT-M) | 50.00 USD | awaiting payment",
                        "in the customer's language")
                .doesNotContain(someoneElses.getOrderId().toString(), "175.00 USD");
        // the newest turns whole, the oldest only summarised by their first sentence
        assertThat(body).contains("filler5", "filler4", "Earlier in this conversation", "Turn 0 starts here.",
                        "Turn 3 starts here.")
                .doesNotContain("filler0", "filler1", "filler2", "filler3");
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId) == 1);
    }
}
