package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
class OutboundSendTest {

    private static final String SEND_PATH = "/v23.0/me/messages";
    private static final String MESSAGES = Topics.CONVERSATION_MESSAGES.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PendingSendSweeper sweeper;

    @Test
    void replyIsSentExactlyOnceToTheRightRecipientWithItsText() {
        // Given a conversation with igsid-42 and a Send API that accepts
        Fixture f = conversation("igsid-42");
        String text = "Yes, the linen shirt is in stock " + UUID.randomUUID();
        stub(send(text), ok("m_" + f.tag));

        // When ai-service's reply reaches the broker twice
        ReplyGenerated reply = reply(f, text);
        deliver(reply, 2);

        // Then Meta is called once, for that recipient, with the text and the channel's token
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId)).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_" + f.tag);
        assertThat(sent.getRecipient()).isEqualTo("igsid-42");
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getCausationId()).isEqualTo(reply.getEventId().toString());
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId), Duration.ofSeconds(2))).hasSize(1);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-42")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text)))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        // and the outbound message is recorded, announced, and shown SENT
        assertThat(KafkaEvents.awaitFirst(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId) && "OUTBOUND".equals(e.getDirection()))
                .getFirst().value().getText()).isEqualTo(text);
        JsonNode outbound = outbound(f);
        assertThat(outbound.get("deliveryStatus").asString()).isEqualTo("SENT");
        assertThat(outbound.get("text").asString()).isEqualTo(text);
        assertThat(f.api.get("/api/conversations").json().get(0).get("lastMessage").get("direction").asString())
                .isEqualTo("OUTBOUND");
    }

    @Test
    void retryableFailuresAreRetriedWithBackoffUntilMetaAccepts() {
        Fixture f = conversation("igsid-43");
        String text = "Retry me " + UUID.randomUUID();
        String scenario = "retry-" + f.tag;
        stub(send(text).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second"),
                aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(error("An unexpected error has occurred.", "OAuthException", 2)));
        stub(send(text).inScenario(scenario).whenScenarioStateIs("second").willSetStateTo("third"),
                aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(error("Calls to this api have exceeded the rate limit.", "OAuthException", 613)));
        stub(send(text).inScenario(scenario).whenScenarioStateIs("third"), ok("m_retry_" + f.tag));

        deliver(reply(f, text), 1);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId)).getFirst().value();
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(sent.getExternalMessageId()).isEqualTo("m_retry_" + f.tag);
        ConversationTestInfrastructure.GRAPH.verify(3, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        assertThat(outbound(f).get("deliveryStatus").asString()).isEqualTo("SENT");
    }

    @Test
    void permanentRefusalFailsFastAndIsRecordedAsFailed() {
        Fixture f = conversation("igsid-44");
        String text = "Not deliverable " + UUID.randomUUID();
        stub(send(text), aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("This person isn't available right now.", "OAuthException", 551)));

        deliver(reply(f, text), 1);

        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId)).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("RECIPIENT_UNAVAILABLE");
        assertThat(failed.getCode()).isEqualTo("551");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getRecipient()).isEqualTo("igsid-44");
        assertThat(failed.toString()).doesNotContain(Inbound.TOKEN);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        assertThat(outbound(f).get("deliveryStatus").asString()).isEqualTo("FAILED");
    }

    @Test
    void retriesRunOutIntoFailedNeverSilentlyDropped() {
        Fixture f = conversation("igsid-45");
        String text = "Meta is down " + UUID.randomUUID();
        stub(send(text), aResponse().withStatus(503).withBody("Service Unavailable"));

        deliver(reply(f, text), 1);

        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId)).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("PROVIDER_ERROR");
        assertThat(failed.getAttempts()).isEqualTo(4);
        ConversationTestInfrastructure.GRAPH.verify(4, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        assertThat(outbound(f).get("deliveryStatus").asString()).isEqualTo("FAILED");
    }

    @Test
    void noAnswerInTimeMeansUnknownAndIsNotRetried() {
        Fixture f = conversation("igsid-46");
        String text = "Slow Meta " + UUID.randomUUID();
        stub(send(text), ok("m_late_" + f.tag).withFixedDelay(3_000));

        deliver(reply(f, text), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> outboundOrNull(f) != null
                && "UNKNOWN".equals(outboundOrNull(f).get("deliveryStatus").asString()));
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aReplyWithOnlyActionsSendsNothing() {
        Fixture f = conversation("igsid-47");
        ReplyGenerated handoff = ReplyGenerated.newBuilder(reply(f, ""))
                .setActions(List.of(HandoffAction.newBuilder().setReason("customer asked for a person").build()))
                .build();
        String marker = "after-handoff " + UUID.randomUUID();
        stub(send(marker), ok("m_marker_" + f.tag));

        deliver(handoff, 1);
        deliver(reply(f, marker), 1);

        // the later reply went out; the actions-only one left no message and no call
        KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class, e -> e.getConversationId().equals(f.conversationId));
        assertThat(f.api.get("/api/conversations/" + f.conversationId + "/messages").json())
                .filteredOn(m -> "OUTBOUND".equals(m.get("direction").asString()))
                .extracting(m -> m.get("text").asString()).containsExactly(marker);
        ConversationTestInfrastructure.GRAPH.verify(0, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-47")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(""))));
    }

    @Test
    void aSendLeftPendingByACrashBecomesUnknownAtStartUpAndIsNotResent() {
        // Given a reply whose PENDING record and inbox entry committed, then the process died
        Fixture f = conversation("igsid-48");
        String text = "Crashed mid-send " + UUID.randomUUID();
        stub(send(text), ok("m_crash_" + f.tag));
        ReplyGenerated reply = reply(f, text);
        UUID messageId = UUID.randomUUID();
        TenantContext.runAs(f.business, () -> {
            jdbc.update("INSERT INTO inbox (consumer_group, event_id) VALUES ('conversation-service', ?)",
                    reply.getEventId());
            jdbc.update("INSERT INTO messages (id, business_id, conversation_id, direction, author_type, text, "
                    + "source_event_id, sent_at, delivery_status, updated_at) VALUES (?, ?, ?, 'OUTBOUND', "
                    + "'ASSISTANT', ?, ?, now(), 'PENDING', now() - interval '1 second')",
                    messageId, f.business, f.conversationId, text, reply.getEventId());
        });

        // When the service starts again (its start-up sweep), and Kafka redelivers the uncommitted reply
        int marked = sweeper.markPendingUnknown(Instant.now(), "INTERRUPTED_BY_RESTART");
        deliver(reply, 1);

        // Then the message is UNKNOWN, visible, and Meta was never called for it
        assertThat(marked).isGreaterThanOrEqualTo(1);
        String marker = "after-restart " + UUID.randomUUID();
        stub(send(marker), ok("m_after_" + f.tag));
        deliver(reply(f, marker), 1);
        KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class, e -> e.getConversationId().equals(f.conversationId));
        JsonNode crashed = f.api.get("/api/conversations/" + f.conversationId + "/messages").json().valueStream()
                .filter(m -> text.equals(m.get("text").asString())).findFirst().orElseThrow();
        assertThat(crashed.get("deliveryStatus").asString()).isEqualTo("UNKNOWN");
        ConversationTestInfrastructure.GRAPH.verify(0, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
    }

    // --- fixtures ---

    private record Fixture(UUID business, Api api, UUID conversationId, ReplyRequested request, String tag) {
    }

    /** A business, its channel, and a conversation opened by a customer's message (through the real consumer). */
    private Fixture conversation(String customer) {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String tag = UUID.randomUUID().toString();
        Inbound.deliver(Inbound.message(business, account, customer, "mid." + tag, "question " + tag, Instant.now()), 1);
        ReplyRequested request = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> ("question " + tag).equals(r.getTriggerText())).getFirst().value();
        return new Fixture(business, api, request.getConversationId(), request, tag);
    }

    private static ReplyGenerated reply(Fixture f, String text) {
        EventMetadata meta = EventMetadata.causedBy(EventMetadata.of(f.request),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return ReplyGenerated.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(f.conversationId)
                .setReplyRequestId(f.request.getEventId())
                .setText(text)
                .setProviderName("offline")
                .setModel(null)
                .setOffline(true)
                .setActions(List.of())
                .build();
    }

    private static void deliver(ReplyGenerated reply, int times) {
        String topic = Topics.AI_REPLIES.name();
        byte[] bytes = KafkaEvents.encode(topic, reply);
        for (int i = 0; i < times; i++) {
            KafkaEvents.publish(topic, reply.getConversationId().toString(), bytes, reply.getEventId().toString(),
                    reply.getBusinessId().toString());
        }
    }

    private static MappingBuilder send(String text) {
        return post(urlEqualTo(SEND_PATH)).withRequestBody(matchingJsonPath("$.message.text", equalTo(text)));
    }

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        ConversationTestInfrastructure.GRAPH.stubFor(request.willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(String messageId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"recipient_id\":\"igsid\",\"message_id\":\"" + messageId + "\"}");
    }

    private static String error(String message, String type, int code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbCdEf123\"}}";
    }

    private JsonNode outbound(Fixture f) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode m = outboundOrNull(f);
            return m != null && !"PENDING".equals(m.get("deliveryStatus").asString());
        });
        return outboundOrNull(f);
    }

    private static JsonNode outboundOrNull(Fixture f) {
        return f.api.get("/api/conversations/" + f.conversationId + "/messages").json().valueStream()
                .filter(m -> "OUTBOUND".equals(m.get("direction").asString())).findFirst().orElse(null);
    }
}
