package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.SEND_PATH;
import static com.sellavie.conversation.outbound.SendFixtures.awaitCalls;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.serverError;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.OutboundMessageSent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replies wait in the database, not on a consumer thread: a failing or slow channel delays only its
 * own business, and each conversation's replies reach Meta in order.
 */
@ConversationServiceTest
class OutboundQueueingTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aReplyMetaRefusesForAWhileIsSentOnceLaterWhileAnotherBusinessIsServedMeanwhile() {
        // Given business A's reply, which Meta answers with 500 for a while
        Fixture a = conversation(port, "igsid-80");
        String failing = "Meta is having a bad minute " + UUID.randomUUID();
        stub(send(failing), serverError());
        double retriedBefore = counter("retried");
        deliver(reply(a, failing), 1);
        awaitCalls(failing, 3);

        // When business B's customer gets a reply meanwhile
        Fixture b = conversation(port, "igsid-81");
        String other = "Served while A waits " + UUID.randomUUID();
        stub(send(other), ok("m_b_" + b.tag()));
        deliver(reply(b, other), 1);

        // Then B's reply goes out while A's is still being retried
        b.await(other, "SENT");
        assertThat(a.status(failing)).isIn("PENDING", "ATTEMPTING");
        assertThat(a.message(failing).get("failureReason").asString()).isEqualTo("PROVIDER_ERROR");

        // and once Meta recovers, A's reply is sent exactly once, every refused attempt counted
        stub(send(failing), ok("m_a_" + a.tag()));
        a.await(failing, "SENT");
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(a.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_a_" + a.tag());
        assertThat(callsWith(failing)).hasSize(sent.getAttempts());
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(a.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        assertThat(counter("retried") - retriedBefore).isGreaterThanOrEqualTo(sent.getAttempts() - 1);
    }

    @Test
    void aSlowChannelHoldsOnlyItsOwnBusinessesWorkers() {
        // Given business A, whose Meta calls take 1 s, with four conversations, and business B with one
        List<Fixture> slowOnes = SendFixtures.conversations(port, "igsid-82", 4);
        Fixture b = conversation(port, "igsid-83");
        String quick = "Not stuck behind A " + UUID.randomUUID();
        stub(send(quick), ok("m_quick_" + b.tag()));

        // When each of A's conversations gets a reply, then B's
        List<String> slowTexts = new ArrayList<>();
        for (Fixture f : slowOnes) {
            String text = "Slow channel " + UUID.randomUUID();
            stub(send(text), ok("m_" + UUID.randomUUID()).withFixedDelay(1_000));
            slowTexts.add(text);
            deliver(reply(f, text), 1);
        }
        deliver(reply(b, quick), 1);

        // Then every reply was recorded at once (the consumer never waits for Meta), and B's is sent while
        // A's are still going out (A holds at most 2 of the 4 workers)
        b.await(quick, "SENT");
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < slowOnes.size(); i++) {
            statuses.add(slowOnes.get(i).status(slowTexts.get(i)));
        }
        assertThat(statuses).doesNotContainNull().containsAnyOf("PENDING", "ATTEMPTING");
        for (int i = 0; i < slowOnes.size(); i++) {
            slowOnes.get(i).await(slowTexts.get(i), "SENT");
        }
    }

    @Test
    void aConversationsRepliesReachMetaInOrderEvenWhenTheFirstIsRetried() {
        double handedOverBefore = claims("intake");
        double polledBefore = claims("poller");
        // Given three replies in one conversation; Meta refuses the first twice
        Fixture f = conversation(port, "igsid-84");
        String first = "First " + UUID.randomUUID();
        String second = "Second " + UUID.randomUUID();
        String third = "Third " + UUID.randomUUID();
        String scenario = "order-" + f.tag();
        stub(send(first).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again"), serverError());
        stub(send(first).inScenario(scenario).whenScenarioStateIs("again").willSetStateTo("ok"), serverError());
        stub(send(first).inScenario(scenario).whenScenarioStateIs("ok"), ok("m_1_" + f.tag()));
        stub(send(second), ok("m_2_" + f.tag()));
        stub(send(third), ok("m_3_" + f.tag()));

        // When they arrive one after the other
        deliver(reply(f, first), 1);
        deliver(reply(f, second), 1);
        deliver(reply(f, third), 1);

        // Then Meta receives them in that order: nothing overtakes the retried first reply
        f.await(third, "SENT");
        List<String> order = ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(SEND_PATH))
                        .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-84"))))
                .stream().sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> r.getBodyAsString().contains(first) ? "1" : r.getBodyAsString().contains(second) ? "2" : "3")
                .toList();
        assertThat(order).containsExactly("1", "1", "1", "2", "3");
        assertThat(f.messages()).filteredOn(m -> "OUTBOUND".equals(m.get("direction").asString()))
                .extracting(m -> m.get("deliveryStatus").asString()).containsExactly("SENT", "SENT", "SENT");
        await().until(() -> callsWith(first).size() == 3);
        // The first went to a free worker from the transaction that recorded it; its retries and the two
        // replies recorded behind it were claimed by the poller once each was due and at the head.
        assertThat(claims("intake") - handedOverBefore).isEqualTo(1);
        assertThat(claims("poller") - polledBefore).isGreaterThanOrEqualTo(4);
    }

    private double claims(String by) {
        return meters.get("sellavie.outbound.claims").tag("by", by).counter().count();
    }

    private double counter(String outcome) {
        return meters.get("sellavie.outbound.sends").tag("outcome", outcome).counter().count();
    }
}
