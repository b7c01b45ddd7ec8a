package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.awaitCalls;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SIGTERM while sending: the call in flight finishes and is recorded; what was not attempted waits, PENDING. */
@ConversationServiceTest
class GracefulStopTest {

    @LocalServerPort
    int port;
    @Autowired
    SendScheduler scheduler;

    @Test
    void stoppingLetsTheSlowCallFinishAndLeavesQueuedRepliesPendingForTheNextStart() {
        // Given a reply whose Send API call takes 1 s, and two more replies queued behind it
        Fixture f = conversation(port, "igsid-110");
        String slow = "Slow but fine " + UUID.randomUUID();
        String queued1 = "Queued one " + UUID.randomUUID();
        String queued2 = "Queued two " + UUID.randomUUID();
        stub(send(slow), ok("m_slow_" + f.tag()).withFixedDelay(1_000));
        stub(send(queued1), ok("m_q1_" + f.tag()));
        stub(send(queued2), ok("m_q2_" + f.tag()));
        deliver(reply(f, slow), 1);
        deliver(reply(f, queued1), 1);
        deliver(reply(f, queued2), 1);
        awaitCalls(slow, 1);

        try {
            // When the scheduler stops while that call is in flight
            long started = System.nanoTime();
            scheduler.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // Then the call completed and is recorded SENT, within the shutdown budget
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(f.status(slow)).isEqualTo("SENT");
            // and the queued replies were not attempted: PENDING, re-sendable
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() ->
                    "PENDING".equals(f.status(queued1)) && "PENDING".equals(f.status(queued2)));
            assertThat(callsWith(queued1)).isEmpty();
            assertThat(callsWith(queued2)).isEmpty();
        } finally {
            // When the service starts again
            scheduler.start();
        }

        // Then they are sent, once each, in order
        f.await(queued2, "SENT");
        assertThat(f.status(queued1)).isEqualTo("SENT");
        assertThat(callsWith(slow)).hasSize(1);
        assertThat(callsWith(queued1)).hasSize(1);
        assertThat(callsWith(queued2)).hasSize(1);
    }
}
