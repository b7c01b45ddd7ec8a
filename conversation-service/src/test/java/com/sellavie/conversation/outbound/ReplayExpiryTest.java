package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A reply replayed from the dead letters long after it was generated is not sent to the customer. */
@ConversationServiceTest
class ReplayExpiryTest {

    private static final Map<String, String> REPLAYED = Map.of(DeadLetterReplayer.REPLAYED_FROM_HEADER, "ai.replies.dlt-0@7");

    @LocalServerPort
    int port;

    @Test
    void aReplayedReplyOlderThanTenMinutesIsRecordedExpiredAndNotSent() {
        // Given a reply generated 11 minutes ago, replayed from ai.replies.dlt by an operator
        Fixture f = conversation(port, "igsid-100");
        String text = "Too late now " + UUID.randomUUID();
        stub(send(text), ok("m_late_" + f.tag()));
        ReplyGenerated old = reply(f, text, Instant.now().minus(Duration.ofMinutes(11)));

        // When it arrives
        deliver(old, 1, REPLAYED);

        // Then the team sees it EXPIRED, with why, it is announced, and the customer never gets it
        JsonNode expired = f.await(text, "EXPIRED");
        assertThat(expired.get("failureReason").asString()).isEqualTo("REPLAY_TOO_OLD");
        OutboundMessageFailed failed = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("REPLAY_TOO_OLD");
        assertThat(failed.getAttempts()).isZero();
        assertThat(KafkaEvents.awaitFirst(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId()) && text.equals(e.getText()))).hasSize(1);
        // (the conversation's next reply is sent: the expired one neither went out nor holds it back)
        String next = "Fresh reply " + UUID.randomUUID();
        stub(send(next), ok("m_fresh_" + f.tag()));
        deliver(reply(f, next), 1);
        f.await(next, "SENT");
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void aRecentReplayAndAnOldButNeverReplayedReplyAreSent() {
        Fixture f = conversation(port, "igsid-101");
        String recent = "Replayed soon enough " + UUID.randomUUID();
        String lagged = "Late through Kafka lag, not a replay " + UUID.randomUUID();
        stub(send(recent), ok("m_recent_" + f.tag()));
        stub(send(lagged), ok("m_lagged_" + f.tag()));

        deliver(reply(f, recent, Instant.now().minus(Duration.ofMinutes(2))), 1, REPLAYED);
        deliver(reply(f, lagged, Instant.now().minus(Duration.ofMinutes(11))), 1);

        f.await(recent, "SENT");
        f.await(lagged, "SENT");
        assertThat(callsWith(recent)).hasSize(1);
        assertThat(callsWith(lagged)).hasSize(1);
    }
}
