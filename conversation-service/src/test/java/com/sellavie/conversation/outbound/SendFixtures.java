package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.f4b6a3.uuid.UuidCreator;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sellavie.conversation.channel.StoredChannels;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A business with a conversation opened through the real consumer, its replies on the broker, and Meta as WireMock. */
public final class SendFixtures {

    public static final String SEND_PATH = "/v23.0/me/messages";
    public static final String MESSAGES = Topics.CONVERSATION_MESSAGES.name();

    private SendFixtures() {
    }

    public record Fixture(UUID business, Api api, UUID conversationId, ReplyRequested request, String tag) {

        /** This conversation's messages as the console reads them, oldest first. */
        public List<JsonNode> messages() {
            return api.get("/api/conversations/" + conversationId + "/messages").json().valueStream().toList();
        }

        public JsonNode message(String text) {
            return messages().stream().filter(m -> text.equals(m.get("text").asString())).findFirst().orElse(null);
        }

        String status(String text) {
            JsonNode m = message(text);
            return m == null ? null : m.get("deliveryStatus").asString();
        }

        /** Waits until the message with this text has reached {@code status}; returns it. */
        public JsonNode await(String text, String status) {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> message(text), m -> m != null && status.equals(m.get("deliveryStatus").asString()));
        }

        /** The customer's message with this text, once recorded (inbound messages have no delivery status). */
        public JsonNode awaitInbound(String text) {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> message(text), m -> m != null && "INBOUND".equals(m.get("direction").asString()));
        }
    }

    /** A business, its channel, and a conversation opened by a customer's message. */
    public static Fixture conversation(int port, String customer) {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        return conversation(business, api, account, customer);
    }

    /** One business, one channel, {@code count} customers each with a conversation. */
    public static List<Fixture> conversations(int port, String customerPrefix, int count) {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        List<Fixture> fixtures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fixtures.add(conversation(business, api, account, customerPrefix + i));
        }
        return fixtures;
    }

    static Fixture conversation(UUID business, Api api, String account, String customer) {
        String tag = UUID.randomUUID().toString();
        Inbound.deliver(Inbound.message(business, account, customer, "mid." + tag, "question " + tag, Instant.now()), 1);
        ReplyRequested request = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> ("question " + tag).equals(r.getTriggerText())).getFirst().value();
        return new Fixture(business, api, request.getConversationId(), request, tag);
    }

    /**
     * A business with a {@code type} channel stored directly (Messenger: a Page id, WhatsApp: a phone
     * number id, as externalId) and a conversation opened by {@code customer}'s message written at
     * {@code customerWroteAt}; the fixture's tag names the channel's externalId.
     */
    public static Fixture conversationOn(int port, ApplicationContext context, String type, String customer,
            Instant customerWroteAt) {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String externalId = String.valueOf(100_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits()
                % 900_000_000_000L));
        StoredChannels.store(context, business, type, externalId, Inbound.TOKEN);
        String tag = UUID.randomUUID().toString();
        Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(business, externalId, customer,
                "mid." + tag, "question " + tag, customerWroteAt)).setChannelType(type).build(), 1);
        ReplyRequested request = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> ("question " + tag).equals(r.getTriggerText())).getFirst().value();
        return new Fixture(business, api, request.getConversationId(), request, externalId);
    }

    /** The Send API path of a Page (Messenger) or a WhatsApp phone number id. */
    public static String sendPath(String node) {
        return "/v23.0/" + node + "/messages";
    }

    public static ReplyGenerated reply(Fixture f, String text) {
        return reply(f, text, Instant.now());
    }

    static ReplyGenerated reply(Fixture f, String text, Instant occurredAt) {
        EventMetadata meta = EventMetadata.causedBy(EventMetadata.of(f.request()), occurredAt.truncatedTo(ChronoUnit.MILLIS));
        return ReplyGenerated.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(f.conversationId())
                .setReplyRequestId(f.request().getEventId())
                .setText(text)
                .setProviderName("offline")
                .setModel(null)
                .setOffline(true)
                .setActions(List.of())
                .build();
    }

    public static void deliver(ReplyGenerated reply, int times) {
        deliver(reply, times, Map.of());
    }

    /** Publishes the reply as the relay would (plus {@code extraHeaders}), the same bytes each time. */
    static void deliver(ReplyGenerated reply, int times, Map<String, String> extraHeaders) {
        String topic = Topics.AI_REPLIES.name();
        byte[] bytes = KafkaEvents.encode(topic, reply);
        for (int i = 0; i < times; i++) {
            KafkaEvents.publish(topic, reply.getConversationId().toString(), bytes, reply.getEventId().toString(),
                    reply.getBusinessId().toString(), extraHeaders);
        }
    }

    /** A message commerce asks conversation to send to the fixture's customer (e.g. a checkout link). */
    public static OutboundMessageRequested request(Fixture f, String text) {
        return request(f.business(), f.conversationId(), f, text, Instant.now());
    }

    /**
     * The same, published by {@code business} for {@code conversationId} (another business's, to probe
     * tenancy), {@code occurredAt} then, in the fixture's journey.
     */
    static OutboundMessageRequested request(UUID business, UUID conversationId, Fixture f, String text,
            Instant occurredAt) {
        EventMetadata meta = EventMetadata.causedBy(EventMetadata.of(f.request()), occurredAt.truncatedTo(ChronoUnit.MILLIS));
        return OutboundMessageRequested.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(business)
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(conversationId)
                .setText(text)
                .setPurpose("CHECKOUT_LINK")
                .setReference(UUID.randomUUID().toString())
                .build();
    }

    public static void deliver(OutboundMessageRequested request, int times) {
        deliver(request, times, Map.of());
    }

    /** Publishes the request as commerce's relay would (plus {@code extraHeaders}), the same bytes each time. */
    static void deliver(OutboundMessageRequested request, int times, Map<String, String> extraHeaders) {
        String topic = Topics.MESSAGING_OUTBOUND_REQUESTS.name();
        byte[] bytes = KafkaEvents.encode(topic, request);
        for (int i = 0; i < times; i++) {
            KafkaEvents.publish(topic, request.getConversationId().toString(), bytes, request.getEventId().toString(),
                    request.getBusinessId().toString(), extraHeaders);
        }
    }

    /**
     * Writes an outbound message straight into the table, as a crashed or a still running instance
     * would have left it: {@code status} with a lease held by {@code leaseOwner} until now +
     * {@code leaseSeconds} (negative: expired), due since a few seconds, queued {@code ageMillis} ago.
     */
    static UUID insertOutbound(JdbcTemplate jdbc, Fixture f, String text, String status, String leaseOwner,
            int leaseSeconds, int attempts, long ageMillis) {
        UUID id = UuidCreator.getTimeOrderedEpoch();
        UUID sourceEvent = UuidCreator.getTimeOrderedEpoch();
        TenantContext.runAs(f.business(), () -> jdbc.update("INSERT INTO messages (id, business_id, conversation_id, "
                        + "direction, author_type, text, source_event_id, correlation_id, sent_at, delivery_status, "
                        + "attempts, next_attempt_at, lease_owner, lease_until, first_attempt_at, updated_at) VALUES "
                        + "(?, ?, ?, 'OUTBOUND', 'ASSISTANT', ?, ?, ?, now() - ? * interval '1 millisecond', ?, ?, "
                        + "now() - interval '5 seconds', ?, now() + ? * interval '1 second', "
                        + "CASE WHEN ? > 0 THEN now() - interval '5 seconds' END, now())",
                id, f.business(), f.conversationId(), text, sourceEvent, f.request().getCorrelationId(), ageMillis,
                status, attempts, leaseOwner, leaseSeconds, attempts));
        return id;
    }

    public static MappingBuilder send(String text) {
        return post(urlEqualTo(SEND_PATH)).withRequestBody(matchingJsonPath("$.message.text", equalTo(text)));
    }

    public static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        ConversationTestInfrastructure.GRAPH.stubFor(request.willReturn(response));
    }

    public static ResponseDefinitionBuilder ok(String messageId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"recipient_id\":\"igsid\",\"message_id\":\"" + messageId + "\"}");
    }

    static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(error("An unexpected error has occurred.", "OAuthException", 2));
    }

    public static String error(String message, String type, int code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbCdEf123\"}}";
    }

    /** Send API calls made with this text so far, in the order Meta received them. */
    static List<LoggedRequest> callsWith(String text) {
        return ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
    }

    static void awaitCalls(String text, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> callsWith(text).size() >= atLeast);
    }
}
