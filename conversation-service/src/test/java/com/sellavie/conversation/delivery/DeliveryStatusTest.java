package com.sellavie.conversation.delivery;

import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Meta's statuses applied to the replies Sellavie sent, through the real send path (Graph stub) and
 * {@code ingest.delivery-statuses}: forward only, whatever the order of arrival. Each check is bounded by a
 * later status of another message of the same conversation (same key, same partition, applied after it).
 */
@ConversationServiceTest
class DeliveryStatusTest {

    private static final String TOPIC = Topics.INGEST_DELIVERY_STATUSES.name();

    @LocalServerPort
    int port;

    @Test
    void readBeforeDeliveredEndsRead() {
        Fixture f = SendFixtures.conversation(port, "igsid-rbd");
        String reply = sent(f, "Yes, size M is in stock " + f.tag());

        publish(f, status(f, "READ", mid(reply)), status(f, "DELIVERED", mid(reply)));

        assertThat(settledStatusOf(f, reply)).isEqualTo("READ");
    }

    @Test
    void deliveredThenReadEndsRead() {
        Fixture f = SendFixtures.conversation(port, "igsid-dr");
        String reply = sent(f, "It ships tomorrow " + f.tag());

        publish(f, status(f, "DELIVERED", mid(reply)));
        f.await(reply, "DELIVERED");
        publish(f, status(f, "READ", mid(reply)));

        assertThat(f.await(reply, "READ").get("failureReason").isNull()).isTrue();
    }

    @Test
    void failedAfterSentCarriesMetasErrorButNeverOverwritesRead() {
        Fixture f = SendFixtures.conversation(port, "igsid-failed");
        String failing = sent(f, "Here is the link " + f.tag());
        String read = sent(f, "Thanks for your order " + f.tag());

        publish(f, failed(f, mid(failing)), status(f, "READ", mid(read)), failed(f, mid(read)));

        JsonNode failedMessage = f.await(failing, "FAILED");
        assertThat(failedMessage.get("failureReason").asString()).isEqualTo("Re-engagement message");
        assertThat(settledStatusOf(f, read)).isEqualTo("READ");
    }

    @Test
    void watermarkAppliesToEveryMessageSentUpToIt() {
        Fixture f = SendFixtures.conversation(port, "igsid-watermark");
        String first = sent(f, "First answer " + f.tag());
        String second = sent(f, "Second answer " + f.tag());
        Instant watermark = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String later = sent(f, "Later answer " + f.tag());

        publish(f, MessageStatusChanged.newBuilder(status(f, "READ")).setWatermark(watermark).build());

        f.await(first, "READ");
        f.await(second, "READ");
        assertThat(settledStatusOf(f, later)).isEqualTo("SENT");
    }

    @Test
    void statusForAnUnknownMessageOrAnotherBusinessChangesNothing() {
        Fixture f = SendFixtures.conversation(port, "igsid-unknown");
        String reply = sent(f, "Only ours " + f.tag());
        MessageStatusChanged foreign = MessageStatusChanged.newBuilder(status(f, "READ", mid(reply)))
                .setBusinessId(UUID.randomUUID()).build();

        publish(f, status(f, "READ", "mid.sent-outside-sellavie-" + f.tag()), foreign);

        assertThat(settledStatusOf(f, reply)).isEqualTo("SENT");
    }

    @Test
    void sameStatusDeliveredTwiceIsAppliedOnce() {
        Fixture f = SendFixtures.conversation(port, "igsid-twice");
        String reply = sent(f, "Twice " + f.tag());
        MessageStatusChanged delivered = status(f, "DELIVERED", mid(reply));

        publish(f, delivered, delivered);

        assertThat(settledStatusOf(f, reply)).isEqualTo("DELIVERED");
    }

    /** An assistant reply sent through the Graph stub, answered with Meta's message id; returns its text. */
    private static String sent(Fixture f, String text) {
        stub(send(text), ok(mid(text)));
        SendFixtures.deliver(SendFixtures.reply(f, text), 1);
        f.await(text, "SENT");
        return text;
    }

    private static String mid(String text) {
        return "mid.out." + text.replace(' ', '-');
    }

    /**
     * The message's status once everything published before a marker is applied: a fresh reply's DELIVERED
     * goes last on the same key, so it is applied after every status published before it.
     */
    private static String settledStatusOf(Fixture f, String text) {
        String marker = sent(f, "marker " + UUID.randomUUID());
        publish(f, status(f, "DELIVERED", mid(marker)));
        f.await(marker, "DELIVERED");
        return f.message(text).get("deliveryStatus").asString();
    }

    private static MessageStatusChanged failed(Fixture f, String mid) {
        return MessageStatusChanged.newBuilder(status(f, "FAILED", mid)).setErrorCode("131047")
                .setErrorTitle("Re-engagement message").build();
    }

    private static MessageStatusChanged status(Fixture f, String status, String... mids) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventMetadata meta = EventMetadata.startOfJourney(f.business(), now);
        return MessageStatusChanged.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(f.business())
                .setCorrelationId(meta.correlationId())
                .setCausationId(null)
                .setChannelType("INSTAGRAM")
                .setChannelExternalId(channelExternalId(f))
                .setRecipientExternalId(customer(f))
                .setStatus(status)
                .setExternalMessageIds(List.of(mids))
                .setStatusAt(now)
                .build();
    }

    /** The fixture business's only channel, as Meta names it. */
    private static String channelExternalId(Fixture f) {
        return f.api().get("/api/channels").json().get(0).get("externalId").asString();
    }

    private static String customer(Fixture f) {
        return f.api().get("/api/conversations").json().valueStream()
                .filter(c -> c.get("id").asString().equals(f.conversationId().toString())).findFirst().orElseThrow()
                .get("contact").get("externalId").asString();
    }

    /** Publishes as ingest's relay would: key = channel + customer, one conversation in order. */
    private static void publish(Fixture f, MessageStatusChanged... events) {
        for (MessageStatusChanged event : events) {
            KafkaEvents.publish(TOPIC, event.getChannelExternalId() + ":" + event.getRecipientExternalId(),
                    KafkaEvents.encode(TOPIC, event), event.getEventId().toString(),
                    event.getBusinessId().toString());
        }
    }
}
