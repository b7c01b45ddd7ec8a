package com.sellavie.conversation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ConversationServiceTest
class InboundMessageTest {

    private static final String REPLY_REQUESTS = Topics.CONVERSATION_REPLY_REQUESTS.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sameRecordDeliveredTwiceRecordsOneMessageAndRequestsOneReply() {
        // Given a business with a connected Instagram account
        UUID business = UUID.randomUUID();
        String account = Inbound.connectChannel(Api.asOwnerOf(port, business));
        String mid = "mid." + UUID.randomUUID();
        String text = "Is the linen shirt available? " + UUID.randomUUID();
        InboundMessageReceived event = Inbound.message(business, account, "igsid-1", mid, text, Instant.now());

        // When the same record reaches the broker twice
        Inbound.deliver(event, 2);

        // Then one ReplyRequested, one MessageRecorded, one message row
        List<ConsumerRecord<String, ReplyRequested>> requests = KafkaEvents.await(REPLY_REQUESTS,
                ReplyRequested.class, r -> text.equals(r.getTriggerText()), found -> false, Duration.ofSeconds(6));
        assertThat(requests).hasSize(1);
        ReplyRequested request = requests.getFirst().value();
        assertThat(request.getBusinessId()).isEqualTo(business);
        assertThat(request.getCausationId()).isEqualTo(event.getEventId().toString());
        assertThat(request.getCorrelationId()).isEqualTo(event.getCorrelationId());
        assertThat(request.getChannelType()).isEqualTo("INSTAGRAM");
        assertThat(request.getHistory()).isEmpty();
        assertThat(requests.getFirst().key()).isEqualTo(request.getConversationId().toString());
        assertThat(KafkaEvents.collect(Topics.CONVERSATION_MESSAGES.name(), MessageRecorded.class,
                m -> mid.equals(m.getExternalMessageId()), Duration.ofSeconds(2)))
                .singleElement().satisfies(r -> {
                    assertThat(r.value().getDirection()).isEqualTo("INBOUND");
                    assertThat(r.value().getText()).isEqualTo(text);
                    assertThat(r.value().getConversationId()).isEqualTo(request.getConversationId());
                });
        assertThat(messagesWithMid(business, mid)).isEqualTo(1);
    }

    @Test
    void replyRequestNamesTheConversationsContactSoAnOrderCanBelongToThem() {
        // Given a customer writing twice to a business
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String tag = UUID.randomUUID().toString();
        Inbound.deliver(Inbound.message(business, account, "igsid-contact", "mid.1." + tag, "first " + tag,
                Instant.now()), 1);
        Inbound.deliver(Inbound.message(business, account, "igsid-contact", "mid.2." + tag, "second " + tag,
                Instant.now()), 1);

        // When conversation asks the assistant for replies
        ReplyRequested first = KafkaEvents.awaitFirst(REPLY_REQUESTS, ReplyRequested.class,
                r -> ("first " + tag).equals(r.getTriggerText())).getFirst().value();
        ReplyRequested second = KafkaEvents.awaitFirst(REPLY_REQUESTS, ReplyRequested.class,
                r -> ("second " + tag).equals(r.getTriggerText())).getFirst().value();

        // Then both name the conversation's contact: the customer the console shows for it
        String contactId = api.get("/api/conversations").json().valueStream()
                .filter(c -> c.get("id").asString().equals(first.getConversationId().toString()))
                .findFirst().orElseThrow().get("contact").get("id").asString();
        assertThat(first.getContactId()).isNotNull().hasToString(contactId);
        assertThat(second.getContactId()).isEqualTo(first.getContactId());
    }

    @Test
    void aRedeliveredMetaMessageUnderANewEventIdIsStillRecordedOnce() {
        UUID business = UUID.randomUUID();
        String account = Inbound.connectChannel(Api.asOwnerOf(port, business));
        String mid = "mid." + UUID.randomUUID();
        String text = "Hello again " + UUID.randomUUID();

        // Meta retried the webhook: ingest published the same mid as two different events
        Inbound.deliver(Inbound.message(business, account, "igsid-2", mid, text, Instant.now()), 1);
        Inbound.deliver(Inbound.message(business, account, "igsid-2", mid, text, Instant.now()), 1);

        assertThat(KafkaEvents.await(REPLY_REQUESTS, ReplyRequested.class, r -> text.equals(r.getTriggerText()),
                found -> false, Duration.ofSeconds(6))).hasSize(1);
        assertThat(messagesWithMid(business, mid)).isEqualTo(1);
    }

    @Test
    void replyRequestCarriesTheEarlierMessagesOldestFirst() {
        UUID business = UUID.randomUUID();
        String account = Inbound.connectChannel(Api.asOwnerOf(port, business));
        Instant t0 = Instant.now().minusSeconds(60);
        String tag = UUID.randomUUID().toString();

        Inbound.deliver(Inbound.message(business, account, "igsid-3", "mid.a" + tag, "first " + tag, t0), 1);
        Inbound.deliver(Inbound.message(business, account, "igsid-3", "mid.b" + tag, "second " + tag,
                t0.plusSeconds(10)), 1);
        Inbound.deliver(Inbound.message(business, account, "igsid-3", "mid.c" + tag, "third " + tag,
                t0.plusSeconds(20)), 1);

        ReplyRequested third = KafkaEvents.awaitFirst(REPLY_REQUESTS, ReplyRequested.class,
                r -> ("third " + tag).equals(r.getTriggerText())).getFirst().value();
        assertThat(third.getHistory()).extracting(ReplyRequestedHistoryMessage::getText)
                .containsExactly("first " + tag, "second " + tag);
        assertThat(third.getHistory()).extracting(ReplyRequestedHistoryMessage::getDirection)
                .containsOnly("INBOUND");
        assertThat(third.getHistory().getFirst().getSentAt()).isEqualTo(t0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void historyIsCappedAtTheTenMostRecentMessages() {
        UUID business = UUID.randomUUID();
        String account = Inbound.connectChannel(Api.asOwnerOf(port, business));
        Instant t0 = Instant.now().minusSeconds(600);
        String tag = UUID.randomUUID().toString();

        for (int i = 1; i <= 12; i++) {
            Inbound.deliver(Inbound.message(business, account, "igsid-4", "mid." + i + tag, "m" + i + " " + tag,
                    t0.plusSeconds(i)), 1);
        }

        ReplyRequested last = KafkaEvents.awaitFirst(REPLY_REQUESTS, ReplyRequested.class,
                r -> ("m12 " + tag).equals(r.getTriggerText())).getFirst().value();
        assertThat(last.getHistory()).extracting(ReplyRequestedHistoryMessage::getText)
                .containsExactly("m2 " + tag, "m3 " + tag, "m4 " + tag, "m5 " + tag, "m6 " + tag, "m7 " + tag,
                        "m8 " + tag, "m9 " + tag, "m10 " + tag, "m11 " + tag);
    }

    @Test
    void aMessageForAChannelTheBusinessDoesNotHaveIsDeadLetteredNotDropped() {
        UUID business = UUID.randomUUID();
        String mid = "mid." + UUID.randomUUID();
        InboundMessageReceived event = Inbound.message(business, "999" + Math.abs(mid.hashCode()), "igsid-5", mid,
                "to nowhere", Instant.now());

        Inbound.deliver(event, 1);

        assertThat(KafkaEvents.awaitFirst(Topics.INGEST_INBOUND_MESSAGES.deadLetterTopic(),
                InboundMessageReceived.class, e -> mid.equals(e.getExternalMessageId()))).hasSize(1);
        assertThat(KafkaEvents.collect(REPLY_REQUESTS, ReplyRequested.class,
                r -> "to nowhere".equals(r.getTriggerText()) && r.getBusinessId().equals(business),
                Duration.ofSeconds(1))).isEmpty();
    }

    private int messagesWithMid(UUID business, String mid) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE external_message_id = ?", Integer.class, mid));
    }
}
