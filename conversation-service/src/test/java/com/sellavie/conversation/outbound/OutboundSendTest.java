package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.SEND_PATH;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.error;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
class OutboundSendTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replyIsSentExactlyOnceToTheRightRecipientWithItsText() {
        // Given a conversation with igsid-42 and a Send API that accepts
        Fixture f = conversation(port, "igsid-42");
        String text = "Yes, the linen shirt is in stock " + UUID.randomUUID();
        stub(send(text), ok("m_" + f.tag()));

        // When ai-service's reply reaches the broker twice
        ReplyGenerated reply = reply(f, text);
        deliver(reply, 2);

        // Then Meta is called once, for that recipient, with the text and the channel's token
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_" + f.tag());
        assertThat(sent.getRecipient()).isEqualTo("igsid-42");
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getCausationId()).isEqualTo(reply.getEventId().toString());
        assertThat(sent.getCorrelationId()).isEqualTo(reply.getCorrelationId());
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(2))).hasSize(1);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-42")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text)))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        // and the outbound message is recorded, announced, and shown SENT
        assertThat(KafkaEvents.awaitFirst(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId()) && "OUTBOUND".equals(e.getDirection()))
                .getFirst().value().getText()).isEqualTo(text);
        JsonNode outbound = f.await(text, "SENT");
        assertThat(outbound.get("attempts").asInt()).isEqualTo(1);
        assertThat(f.api().get("/api/conversations").json().get(0).get("lastMessage").get("direction").asString())
                .isEqualTo("OUTBOUND");
    }

    @Test
    void retryableFailuresAreRetriedWithBackoffUntilMetaAccepts() {
        Fixture f = conversation(port, "igsid-43");
        String text = "Retry me " + UUID.randomUUID();
        String scenario = "retry-" + f.tag();
        stub(send(text).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second"),
                aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(error("An unexpected error has occurred.", "OAuthException", 2)));
        stub(send(text).inScenario(scenario).whenScenarioStateIs("second").willSetStateTo("third"),
                aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(error("Calls to this api have exceeded the rate limit.", "OAuthException", 613)));
        stub(send(text).inScenario(scenario).whenScenarioStateIs("third"), ok("m_retry_" + f.tag()));

        deliver(reply(f, text), 1);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getAttempts()).isEqualTo(3);
        assertThat(sent.getExternalMessageId()).isEqualTo("m_retry_" + f.tag());
        assertThat(callsWith(text)).hasSize(3);
        assertThat(f.await(text, "SENT").get("failureReason").isNull()).isTrue();
    }

    @Test
    void permanentRefusalFailsFastAndIsRecordedAsFailed() {
        Fixture f = conversation(port, "igsid-44");
        String text = "Not deliverable " + UUID.randomUUID();
        stub(send(text), aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("This person isn't available right now.", "OAuthException", 551)));

        deliver(reply(f, text), 1);

        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("RECIPIENT_UNAVAILABLE");
        assertThat(failed.getCode()).isEqualTo("551");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getRecipient()).isEqualTo("igsid-44");
        assertThat(failed.toString()).doesNotContain(Inbound.TOKEN);
        assertThat(callsWith(text)).hasSize(1);
        assertThat(f.await(text, "FAILED").get("failureReason").asString()).isEqualTo("RECIPIENT_UNAVAILABLE");
    }

    @Test
    void retryableFailuresPastTheHorizonEndFailedNeverSilentlyDropped() {
        // Given Meta answering 503 to every attempt
        Fixture f = conversation(port, "igsid-45");
        String text = "Meta is down " + UUID.randomUUID();
        stub(send(text), aResponse().withStatus(503).withBody("Service Unavailable"));
        deliver(reply(f, text), 1);
        SendFixtures.awaitCalls(text, 2);
        assertThat(f.status(text)).isIn("PENDING", "ATTEMPTING");

        // When the first attempt lies further back than the retry horizon (15 minutes by default)
        TenantContext.runAs(f.business(), () -> jdbc.update("UPDATE messages SET first_attempt_at = "
                + "first_attempt_at - interval '16 minutes' WHERE business_id = ? AND text = ?", f.business(), text));

        // Then the next refusal gives up: FAILED, announced, with every attempt counted
        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("PROVIDER_ERROR");
        JsonNode message = f.await(text, "FAILED");
        assertThat(failed.getAttempts()).isEqualTo(message.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(callsWith(text)).hasSize(failed.getAttempts());
    }

    @Test
    void noAnswerInTimeMeansUnknownAndIsNotRetried() {
        Fixture f = conversation(port, "igsid-46");
        String text = "Slow Meta " + UUID.randomUUID();
        stub(send(text), ok("m_late_" + f.tag()).withFixedDelay(3_000));

        deliver(reply(f, text), 1);

        assertThat(f.await(text, "UNKNOWN").get("failureReason").asString()).isEqualTo("TIMEOUT");
        assertThat(callsWith(text)).hasSize(1);
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aReplyWithOnlyActionsSendsNothing() {
        Fixture f = conversation(port, "igsid-47");
        ReplyGenerated handoff = ReplyGenerated.newBuilder(reply(f, ""))
                .setActions(List.of(HandoffAction.newBuilder().setReason("customer asked for a person").build()))
                .build();
        String marker = "after-handoff " + UUID.randomUUID();
        stub(send(marker), ok("m_marker_" + f.tag()));

        deliver(handoff, 1);
        deliver(reply(f, marker), 1);

        // the later reply went out; the actions-only one left no message and no call
        KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class, e -> e.getConversationId().equals(f.conversationId()));
        assertThat(f.messages()).filteredOn(m -> "OUTBOUND".equals(m.get("direction").asString()))
                .extracting(m -> m.get("text").asString()).containsExactly(marker);
        ConversationTestInfrastructure.GRAPH.verify(0, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-47")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(""))));
    }
}
