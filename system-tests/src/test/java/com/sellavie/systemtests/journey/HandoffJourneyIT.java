package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MemberTokens.Member;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 2 of ARCHITECTURE.md (handoff), from outside: a member takes a conversation over through the
 * gateway, the assistant falls silent while the member answers, and after the release it answers
 * again. Also what a member may not do: an AGENT manages no channels, another business reaches no
 * conversation of this one.
 */
@ExtendWith(SellavieStackExtension.class)
class HandoffJourneyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);
    /**
     * How long the Send API is watched for a reply that must not come: several times what an answer
     * takes on a warm stack (the assistant's reply reaches Meta within ~2 s of the DM). The final
     * count, after later DMs of the same conversation were answered in order, covers any later one.
     */
    private static final Duration SILENCE = Duration.ofSeconds(8);

    private static SellavieStack stack;
    private static MetaGraphApi meta;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    @Test
    void aMemberTakesOverAnswersOnceAndReleasesTheConversationBackToTheAssistant() {
        // Given a customer whom the assistant answered
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        shop.deliver(shop.dm(customer, "Hello! Do you ship linen shirts to Lagos?"));
        Replies.awaitFirstReply(meta, shop, customer, REPLY_TIMEOUT);
        String conversationId = shop.conversationWith(customer).path("id").asText();
        String path = "/api/conversations/" + conversationId;
        String ownerId = shop.gateway().get("/api/me", shop.accessToken()).expect(200).json()
                .path("user").path("id").asText();

        // When a member of the business takes it over
        JsonNode takenOver = shop.gateway().postJson(path + "/takeover", Map.of(), shop.accessToken()).expect(200).json();
        assertThat(takenOver.path("mode").asText()).isEqualTo("HUMAN");
        assertThat(takenOver.path("assigneeId").asText()).isEqualTo(ownerId);

        // Then the customer's next message is in the conversation, and the assistant does not answer it
        String whileHuman = "Can I pay on delivery?";
        shop.deliver(shop.dm(customer, whileHuman));
        shop.awaitMessages(customer, "the DM written during the takeover in the conversation",
                m -> Replies.text(m.getLast()).equals(whileHuman), REPLY_TIMEOUT);
        await("no reply to the DM written during the takeover").during(SILENCE).atMost(SILENCE.plusSeconds(5))
                .pollInterval(Duration.ofMillis(250)).until(() -> meta.sendApiCallsTo(customer), c -> c.size() == 1);

        // And the member's reply is sent once, as theirs
        String teamText = "Yes, you can pay on delivery in Lagos.";
        JsonNode posted = shop.gateway().postJson(path + "/messages", Map.of("text", teamText), shop.accessToken())
                .expect(201).json();
        assertThat(posted.path("authorType").asText()).isEqualTo("MEMBER");
        assertThat(posted.path("authorId").asText()).isEqualTo(ownerId);
        assertThat(posted.path("deliveryStatus").asText()).isEqualTo("PENDING");
        shop.awaitMessages(customer, "the member's reply recorded SENT",
                m -> teamText.equals(Replies.text(m.getLast())) && "SENT".equals(Replies.status(m.getLast())),
                REPLY_TIMEOUT);
        List<SendApiCall> calls = meta.sendApiCallsTo(customer);
        assertThat(calls).hasSize(2);
        Replies.assertIsCustomerFacingReply(calls.getLast(), shop, customer);
        assertThat(calls.getLast().text()).isEqualTo(teamText);

        // When the member releases it and the customer writes again
        JsonNode released = shop.gateway().postJson(path + "/release", Map.of(), shop.accessToken()).expect(200).json();
        assertThat(released.path("mode").asText()).isEqualTo("BOT");
        String afterRelease = "And do you have the shirt in size L?";
        shop.deliver(shop.dm(customer, afterRelease));

        // Then the assistant answers again, and nothing else was ever sent
        List<SendApiCall> answered = await("the assistant's answer after the release").atMost(REPLY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250)).until(() -> meta.sendApiCallsTo(customer), c -> c.size() >= 3);
        Replies.assertIsCustomerFacingReply(answered.get(2), shop, customer);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 3, REPLY_TIMEOUT);
        assertThat(messages).extracting(m -> Replies.direction(m) + " " + m.path("authorType").asText())
                .containsExactly("INBOUND CUSTOMER", "OUTBOUND AI", "INBOUND CUSTOMER", "OUTBOUND MEMBER",
                        "INBOUND CUSTOMER", "OUTBOUND AI", "INBOUND CUSTOMER", "OUTBOUND AI");
        assertThat(messages.get(2).path("text").asText()).isEqualTo(whileHuman);
        assertThat(messages.get(3).path("authorId").asText()).isEqualTo(ownerId);
        assertThat(messages.get(4).path("text").asText()).isEqualTo(afterRelease);
        assertThat(messages.get(5).path("text").asText()).isEqualTo(answered.get(2).text());
        assertThat(messages).filteredOn(m -> "OUTBOUND".equals(Replies.direction(m)))
                .extracting(Replies::status).containsOnly("SENT");
        assertThat(shop.conversationWith(customer).path("mode").asText()).isEqualTo("BOT");
    }

    @Test
    void anAgentCannotConnectOrDisconnectChannels() {
        // Given a shop with its Instagram channel, and an AGENT of that business
        Shop shop = Shop.open(stack, routing);
        Member agent = stack.memberTokens().newMember(shop.accessToken(), "AGENT");
        String channelId = shop.channel().path("id").asText();
        String before = shop.gateway().get("/api/channels", shop.accessToken()).expect(200).json().toString();

        // When the agent tries to connect another channel or to disconnect this one: 403
        stack.metaGraphApi().instagramAccount("EAABagentToken0000000000000000001", "17841499999999", "agent.try");
        shop.gateway().postJson("/api/channels", Map.of("type", "INSTAGRAM", "externalId", "17841499999999",
                "accessToken", "EAABagentToken0000000000000000001"), agent.accessToken()).expect(403);
        shop.gateway().delete("/api/channels/" + channelId, agent.accessToken()).expect(403);

        // Then the agent still reads the channels, and nothing changed
        assertThat(shop.gateway().get("/api/channels", agent.accessToken()).expect(200).json().toString())
                .isEqualTo(before);
        assertThat(shop.gateway().get("/api/channels", shop.accessToken()).expect(200).json().findValuesAsText("status"))
                .containsExactly("CONNECTED");
    }

    @Test
    void anotherBusinessCannotTakeOverOrReplyInAConversation() {
        // Given a conversation the assistant answered
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        shop.deliver(shop.dm(customer, "Hi, is the sand-coloured linen shirt still in stock?"));
        Replies.awaitFirstReply(meta, shop, customer, REPLY_TIMEOUT);
        JsonNode conversation = shop.conversationWith(customer);
        String path = "/api/conversations/" + conversation.path("id").asText();
        String otherToken = Shop.anotherBusinessToken(stack);

        // When another business tries to take it over and to reply in it: 404 problems
        JsonNode takeover = shop.gateway().postJson(path + "/takeover", Map.of(), otherToken).expect(404).json();
        assertThat(takeover.path("status").asInt()).isEqualTo(404);
        JsonNode reply = shop.gateway().postJson(path + "/messages", Map.of("text", "We are the other shop."), otherToken)
                .expect(404).json();
        assertThat(reply.path("status").asInt()).isEqualTo(404);

        // Then the conversation is still the assistant's, unassigned, and the customer got nothing more
        JsonNode after = shop.conversationWith(customer);
        assertThat(after.path("mode").asText()).isEqualTo("BOT");
        assertThat(after.path("assigneeId").isNull()).isTrue();
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(messages).extracting(m -> m.path("authorType").asText())
                .containsExactly("CUSTOMER", "AI", "CUSTOMER", "AI");
        assertThat(meta.sendApiCalls()).extracting(SendApiCall::text).doesNotContain("We are the other shop.");
    }
}
