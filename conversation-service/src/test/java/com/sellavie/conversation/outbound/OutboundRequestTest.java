package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.SEND_PATH;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.request;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.serverError;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import com.sellavie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Texts other services ask to send ({@code messaging.outbound-requests}, e.g. commerce's checkout link)
 * go out with the same exactly-once rules as the assistant's replies and show in the conversation as
 * SYSTEM messages; requests that can never be sent are dead-lettered with their reason.
 */
@ConversationServiceTest
class OutboundRequestTest {

    private static final String DEAD_LETTERS = Topics.MESSAGING_OUTBOUND_REQUESTS.deadLetterTopic();

    @LocalServerPort
    int port;

    @Test
    void aRequestedMessageIsSentOnceAndShowsInTheConversationAsASystemMessage() {
        // Given a conversation with igsid-200 and a Send API that accepts
        Fixture f = conversation(port, "igsid-200");
        String text = "Here is your checkout link: https://checkout.example/pay/" + UUID.randomUUID();
        stub(send(text), ok("m_link_" + f.tag()));

        // When commerce's request reaches the broker twice
        OutboundMessageRequested request = request(f, text);
        deliver(request, 2);

        // Then Meta is called once, for that customer, with the text and the channel's token
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_link_" + f.tag());
        assertThat(sent.getRecipient()).isEqualTo("igsid-200");
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getCausationId()).isEqualTo(request.getEventId().toString());
        assertThat(sent.getCorrelationId()).isEqualTo(request.getCorrelationId());
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-200")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text)))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        // and it is recorded once as a SYSTEM message, announced, and shown SENT in the conversation
        List<ConsumerRecord<String, MessageRecorded>> recorded = KafkaEvents.collect(MESSAGES, MessageRecorded.class,
                e -> text.equals(e.getText()), Duration.ofSeconds(2));
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(f.conversationId().toString());
            assertThat(r.value().getDirection()).isEqualTo("OUTBOUND");
            assertThat(r.value().getAuthorType()).isEqualTo("SYSTEM");
            assertThat(r.value().getMessageId()).isEqualTo(sent.getMessageId());
            assertThat(r.value().getCausationId()).isEqualTo(request.getEventId().toString());
        });
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        JsonNode shown = f.await(text, "SENT");
        assertThat(shown.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(shown.get("authorType").asString()).isEqualTo("SYSTEM");
        assertThat(shown.get("attempts").asInt()).isEqualTo(1);
        assertThat(f.messages()).filteredOn(m -> text.equals(m.get("text").asString())).hasSize(1);
        assertThat(callsWith(text)).hasSize(1);
    }

    @Test
    void aRequestMetaRefusesWithA500IsRetriedAndSentOnce() {
        Fixture f = conversation(port, "igsid-201");
        String text = "Your receipt for order " + UUID.randomUUID();
        String scenario = "request-retry-" + f.tag();
        stub(send(text).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok"), serverError());
        stub(send(text).inScenario(scenario).whenScenarioStateIs("ok"), ok("m_receipt_" + f.tag()));

        deliver(request(f, text), 1);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getExternalMessageId()).isEqualTo("m_receipt_" + f.tag());
        JsonNode shown = f.await(text, "SENT");
        assertThat(shown.get("attempts").asInt()).isEqualTo(2);
        assertThat(shown.get("failureReason").isNull()).isTrue();
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        assertThat(callsWith(text)).hasSize(2);
    }

    @Test
    void aRequestForAConversationOfAnotherBusinessIsDeadLetteredAndNothingIsSent() {
        // Given business A's conversation, and business B asking to send to it
        Fixture victim = conversation(port, "igsid-202");
        UUID otherBusiness = UUID.randomUUID();
        String text = "Not yours " + UUID.randomUUID();
        stub(send(text), ok("m_never_" + victim.tag()));
        OutboundMessageRequested foreign = request(otherBusiness, victim.conversationId(), victim, text, Instant.now());

        // When the request arrives
        deliver(foreign, 1);

        // Then it is dead-lettered with the reason, and nothing is recorded, announced or sent
        ConsumerRecord<String, OutboundMessageRequested> dead = KafkaEvents.awaitFirst(DEAD_LETTERS,
                OutboundMessageRequested.class, e -> e.getEventId().equals(foreign.getEventId())).getFirst();
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains(victim.conversationId().toString()).contains("does not have");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UnsendableRequestException.class.getName());
        assertThat(KafkaEvents.collect(MESSAGES, MessageRecorded.class, e -> text.equals(e.getText()),
                Duration.ofSeconds(1))).isEmpty();
        assertThat(victim.message(text)).isNull();
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void aBlankTextOrOneTooLongForInstagramIsDeadLetteredNotRecorded() {
        Fixture f = conversation(port, "igsid-203");
        String longest = "L" + "o".repeat(998) + "!";
        String tooLong = "T" + "o".repeat(999) + "!";
        String tooManyBytes = "₦".repeat(400);
        stub(send(longest), ok("m_longest_" + f.tag()));
        OutboundMessageRequested blank = request(f, "   ");
        OutboundMessageRequested overLimit = request(f, tooLong);
        OutboundMessageRequested overBytes = request(f, tooManyBytes);

        deliver(blank, 1);
        deliver(overLimit, 1);
        deliver(overBytes, 1);
        deliver(request(f, longest), 1);

        // 1000 characters of ASCII is exactly Instagram's limit: sent
        f.await(longest, "SENT");
        // blank, 1001 characters and 400 characters of 3 bytes each are refused with why
        assertThat(header(deadLetterOf(blank), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("has no text");
        assertThat(header(deadLetterOf(overLimit), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("1001 bytes of UTF-8; Instagram takes at most 1000");
        assertThat(header(deadLetterOf(overBytes), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("1200 bytes of UTF-8; Instagram takes at most 1000");
        assertThat(f.messages()).filteredOn(m -> "SYSTEM".equals(m.get("authorType").asString()))
                .extracting(m -> m.get("text").asString()).containsExactly(longest);
        assertThat(callsWith(tooLong)).isEmpty();
        assertThat(callsWith(tooManyBytes)).isEmpty();
    }

    @Test
    void aRequestReplayedFromTheDeadLettersTooLateIsRecordedExpiredNotSent() {
        Fixture f = conversation(port, "igsid-204");
        String text = "Stale checkout link " + UUID.randomUUID();
        stub(send(text), ok("m_stale_" + f.tag()));
        OutboundMessageRequested old = request(f.business(), f.conversationId(), f, text,
                Instant.now().minus(Duration.ofMinutes(11)));

        deliver(old, 1, Map.of(DeadLetterReplayer.REPLAYED_FROM_HEADER, DEAD_LETTERS + "-0@3"));

        JsonNode expired = f.await(text, "EXPIRED");
        assertThat(expired.get("authorType").asString()).isEqualTo("SYSTEM");
        assertThat(expired.get("failureReason").asString()).isEqualTo("REPLAY_TOO_OLD");
        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("REPLAY_TOO_OLD");
        assertThat(failed.getCausationId()).isEqualTo(old.getEventId().toString());
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void aRequestWaitsBehindAnOlderReplyOfItsConversationStillBeingRetried() {
        // Given an assistant reply Meta keeps refusing with 500
        Fixture f = conversation(port, "igsid-205");
        String answer = "Great choice! " + UUID.randomUUID();
        String link = "Pay here: https://checkout.example/" + UUID.randomUUID();
        stub(send(answer), serverError());
        stub(send(link), ok("m_link_" + f.tag()));
        deliver(reply(f, answer), 1);
        SendFixtures.awaitCalls(answer, 1);

        // When commerce's link for the same conversation is queued
        deliver(request(f, link), 1);
        f.await(link, "PENDING");

        // Then it is not sent before the reply; once Meta accepts the reply, both go out in order
        assertThat(callsWith(link)).isEmpty();
        stub(send(answer), ok("m_answer_" + f.tag()));
        f.await(link, "SENT");
        List<String> order = ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(SEND_PATH))
                        .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-205"))))
                .stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getBodyAsString().contains(link) ? "link" : "answer").toList();
        assertThat(order).endsWith("answer", "link").containsOnlyOnce("link");
        assertThat(f.status(answer)).isEqualTo("SENT");
        assertThat(callsWith(link)).hasSize(1);
    }

    private static ConsumerRecord<String, OutboundMessageRequested> deadLetterOf(OutboundMessageRequested request) {
        return KafkaEvents.awaitFirst(DEAD_LETTERS, OutboundMessageRequested.class,
                e -> e.getEventId().equals(request.getEventId())).getFirst();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
