package com.sellavie.conversation.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** "Try your assistant": a member's sandbox message as ingest publishes it, through to the reply shown SENT. */
@ConversationServiceTest
class SandboxConversationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSandboxMessageOpensTheMembersTestConversationAndTheReplyIsSentWithoutCallingMeta() {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Api api = Api.asMemberOf(port, business, member, "AGENT");
        assertThat(api.get("/api/sandbox/conversation").status()).isEqualTo(404);

        ReplyRequested request = sandboxMessage(business, member, "Do you ship to Lagos? " + UUID.randomUUID());

        assertThat(request.getChannelType()).isEqualTo("SANDBOX");
        JsonNode conversation = api.get("/api/sandbox/conversation").json();
        assertThat(conversation.get("id").asString()).isEqualTo(request.getConversationId().toString());
        assertThat(conversation.get("sandbox").asBoolean()).isTrue();
        assertThat(conversation.get("channel").get("type").asString()).isEqualTo("SANDBOX");
        assertThat(conversation.get("mode").asString()).isEqualTo("BOT");
        // a test conversation: out of the team's inbox unless asked for, and no channel to manage
        assertThat(ids(api.get("/api/conversations").json())).doesNotContain(request.getConversationId().toString());
        assertThat(ids(api.get("/api/conversations?filter=sandbox").json()))
                .containsExactly(request.getConversationId().toString());
        assertThat(api.get("/api/channels").json().valueStream().toList()).isEmpty();

        String text = "Yes, we ship to Lagos in 2 days " + UUID.randomUUID();
        Fixture f = new Fixture(business, api, request.getConversationId(), request, "sandbox");
        SendFixtures.deliver(SendFixtures.reply(f, text), 2);

        JsonNode reply = f.await(text, "SENT");
        assertThat(reply.get("authorType").asString()).isEqualTo("AI");
        assertThat(reply.get("answeredBy").get("provider").asString()).isEqualTo("offline");
        assertThat(reply.get("answeredBy").get("offline").asBoolean()).isTrue();
        OutboundMessageSent sent = KafkaEvents.awaitFirst(SendFixtures.MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(request.getConversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).startsWith("sandbox-out-");
        ConversationTestInfrastructure.GRAPH.verify(0, postRequestedFor(anyUrl()).withRequestBody(containing(text)));
        assertThat(f.messages()).extracting(m -> m.get("direction").asString()).containsExactly("INBOUND", "OUTBOUND");
    }

    @Test
    void theReplyShowsWhichProviderAndModelAnsweredIt() {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Api api = Api.asMemberOf(port, business, member, "AGENT");
        ReplyRequested request = sandboxMessage(business, member, "Any discount? " + UUID.randomUUID());
        Fixture f = new Fixture(business, api, request.getConversationId(), request, "sandbox");
        String text = "10% off this week " + UUID.randomUUID();

        SendFixtures.deliver(ReplyGenerated.newBuilder(SendFixtures.reply(f, text))
                .setProviderName("groq").setModel("llama-3.3-70b-versatile").setOffline(false).build(), 1);

        JsonNode reply = f.await(text, "SENT");
        assertThat(reply.get("answeredBy").get("provider").asString()).isEqualTo("groq");
        assertThat(reply.get("answeredBy").get("model").asString()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(reply.get("answeredBy").get("offline").asBoolean()).isFalse();
        // the customer's own message was answered by nobody
        assertThat(f.messages().getFirst().has("answeredBy")).isFalse();
    }

    @Test
    void eachMemberHasTheirOwnConversationOnTheBusinesssOneSandboxChannel() {
        UUID business = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // both first messages at once: the channel is made once
        String a = "first " + UUID.randomUUID();
        String b = "second " + UUID.randomUUID();
        Inbound.deliver(sandboxEvent(business, first, a), 1);
        Inbound.deliver(sandboxEvent(business, second, b), 1);
        UUID firstConversation = awaitRequest(a).getConversationId();
        UUID secondConversation = awaitRequest(b).getConversationId();

        assertThat(firstConversation).isNotEqualTo(secondConversation);
        assertThat(Api.asMemberOf(port, business, first, "OWNER").get("/api/sandbox/conversation").json()
                .get("id").asString()).isEqualTo(firstConversation.toString());
        assertThat(Api.asMemberOf(port, business, second, "ADMIN").get("/api/sandbox/conversation").json()
                .get("id").asString()).isEqualTo(secondConversation.toString());
        assertThat(Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT").get("/api/sandbox/conversation")
                .status()).isEqualTo(404);
        Integer channels = TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM channels WHERE business_id = ? AND type = 'SANDBOX'", Integer.class, business));
        assertThat(channels).isEqualTo(1);
    }

    @Test
    void anotherBusinessSeesNothingOfIt() {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        ReplyRequested request = sandboxMessage(business, member, "secret test " + UUID.randomUUID());

        // the same user id acting for another business, and another business's owner
        for (Api other : List.of(Api.asMemberOf(port, UUID.randomUUID(), member, "OWNER"),
                Api.asOwnerOf(port, UUID.randomUUID()))) {
            assertThat(other.get("/api/sandbox/conversation").status()).isEqualTo(404);
            assertThat(other.get("/api/conversations/" + request.getConversationId()).status()).isEqualTo(404);
            assertThat(other.get("/api/conversations/" + request.getConversationId() + "/messages").status())
                    .isEqualTo(404);
            assertThat(other.get("/api/conversations?filter=sandbox").json().valueStream().toList()).isEmpty();
        }
        assertThat(Api.anonymous(port).get("/api/sandbox/conversation").status()).isEqualTo(401);
    }

    private ReplyRequested sandboxMessage(UUID business, UUID member, String text) {
        Inbound.deliver(sandboxEvent(business, member, text), 1);
        return awaitRequest(text);
    }

    private static ReplyRequested awaitRequest(String text) {
        return KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> text.equals(r.getTriggerText())).getFirst().value();
    }

    /** As ingest's POST /api/sandbox/messages publishes it. */
    private static InboundMessageReceived sandboxEvent(UUID business, UUID member, String text) {
        return InboundMessageReceived.newBuilder(Inbound.message(business, "sandbox-" + business, "member-" + member,
                        "sandbox-" + UUID.randomUUID(), text, Instant.now()))
                .setChannelType("SANDBOX").setSenderName("You (sandbox)").build();
    }

    private static List<String> ids(JsonNode conversations) {
        return conversations.valueStream().map(c -> c.get("id").asString()).toList();
    }
}
