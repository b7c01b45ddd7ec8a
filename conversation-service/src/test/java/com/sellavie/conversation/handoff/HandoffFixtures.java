package com.sellavie.conversation.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Customers' messages, handoff events and Send API calls, for one fixture conversation. */
final class HandoffFixtures {

    static final String HANDOFFS = Topics.CONVERSATION_HANDOFFS.name();

    private HandoffFixtures() {
    }

    /** The fixture's customer writes {@code text} (through ingest's topic, the real consumer). */
    static void customerWrites(Fixture f, String account, String customer, String text) {
        Inbound.deliver(Inbound.message(f.business(), account, customer, "mid." + UUID.randomUUID(), text,
                Instant.now()), 1);
    }

    static List<ReplyRequested> replyRequestsFor(String text, Duration window) {
        return KafkaEvents.collect(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> text.equals(r.getTriggerText()), window).stream().map(ConsumerRecord::value).toList();
    }

    static ReplyRequested awaitReplyRequest(String text) {
        return KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> text.equals(r.getTriggerText())).getFirst().value();
    }

    static ConsumerRecord<String, HandoffRequested> awaitRequested(UUID conversationId, String trigger) {
        return KafkaEvents.awaitFirst(HANDOFFS, HandoffRequested.class,
                e -> e.getConversationId().equals(conversationId) && trigger.equals(e.getTrigger())).getFirst();
    }

    static ConsumerRecord<String, HandoffResolved> awaitResolved(UUID conversationId, String trigger) {
        return KafkaEvents.awaitFirst(HANDOFFS, HandoffResolved.class,
                e -> e.getConversationId().equals(conversationId) && trigger.equals(e.getTrigger())).getFirst();
    }

    static List<HandoffRequested> requested(UUID conversationId, Duration window) {
        return KafkaEvents.collect(HANDOFFS, HandoffRequested.class, e -> e.getConversationId().equals(conversationId),
                window).stream().map(ConsumerRecord::value).toList();
    }

    static int sendApiCallsWith(String text) {
        return ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo("/v23.0/me/messages"))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text)))).size();
    }
}
