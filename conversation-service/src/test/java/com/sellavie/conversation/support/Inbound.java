package com.sellavie.conversation.support;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** InboundMessageReceived events as ingest publishes them, and their delivery to the broker. */
public final class Inbound {

    public static final String TOPIC = Topics.INGEST_INBOUND_MESSAGES.name();

    private Inbound() {
    }

    public static InboundMessageReceived message(UUID business, String channelExternalId, String sender, String mid,
            String text, Instant sentAt) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return InboundMessageReceived.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(business)
                .setCorrelationId(meta.correlationId())
                .setCausationId(null)
                .setChannelType("INSTAGRAM")
                .setChannelExternalId(channelExternalId)
                .setSenderExternalId(sender)
                .setExternalMessageId(mid)
                .setText(text)
                .setSentAt(sentAt.truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /** Publishes the event (headers as the relay sets them), {@code times} times, the same bytes each time. */
    public static void deliver(InboundMessageReceived event, int times) {
        byte[] bytes = KafkaEvents.encode(TOPIC, event);
        for (int i = 0; i < times; i++) {
            KafkaEvents.publish(TOPIC, event.getChannelExternalId() + ":" + event.getSenderExternalId(), bytes,
                    event.getEventId().toString(), event.getBusinessId().toString());
        }
    }

    /** Connects an Instagram channel for the business through the API; returns its external id. */
    public static String connectChannel(Api api) {
        String externalId = "1784" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        // Meta proves the token controls the account (the latest answer for this token wins).
        GraphStubs.instagramAccount(TOKEN, externalId, "linen.shop");
        Api.Response response = api.post("/api/channels", "{\"type\":\"INSTAGRAM\",\"externalId\":\"" + externalId
                + "\",\"name\":\"Linen Shop\",\"accessToken\":\"" + TOKEN + "\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("Could not connect a channel: " + response.status() + " " + response.body());
        }
        return externalId;
    }

    public static final String TOKEN = "EAABtestpagetoken-" + "x".repeat(20) + "-4f2a";
}
