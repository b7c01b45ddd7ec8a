package com.sellavie.conversation.handoff;

import static com.sellavie.conversation.handoff.HandoffFixtures.awaitReplyRequest;
import static com.sellavie.conversation.handoff.HandoffFixtures.awaitRequested;
import static com.sellavie.conversation.handoff.HandoffFixtures.awaitResolved;
import static com.sellavie.conversation.handoff.HandoffFixtures.customerWrites;
import static com.sellavie.conversation.handoff.HandoffFixtures.replyRequestsFor;
import static com.sellavie.conversation.handoff.HandoffFixtures.requested;
import static com.sellavie.conversation.handoff.HandoffFixtures.sendApiCallsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every way into and out of HUMAN mode, and the assistant's silence meanwhile. */
@ConversationServiceTest
class HandoffTest {

    @LocalServerPort
    int port;

    /** A business, its channel and a customer's conversation (opened in BOT mode, reply requested). */
    private Setup setup(String customer) {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(owner);
        String tag = UUID.randomUUID().toString();
        String first = "question " + tag;
        Inbound.deliver(Inbound.message(business, account, customer, "mid." + tag, first, java.time.Instant.now()), 1);
        return new Setup(new Fixture(business, owner, awaitReplyRequest(first).getConversationId(),
                awaitReplyRequest(first), tag), account, customer);
    }

    record Setup(Fixture f, String account, String customer) {
        String path(String action) {
            return "/api/conversations/" + f.conversationId() + action;
        }

        JsonNode conversation() {
            return f.api().get(path("")).json();
        }

        boolean hasMessage(String text) {
            return f.api().get(path("/messages")).json().valueStream()
                    .anyMatch(m -> text.equals(m.get("text").asString()));
        }
    }

    @Test
    void aMemberTakesOverTheAssistantFallsSilentAndAnswersAgainAfterRelease() {
        Setup s = setup("igsid-h1");
        UUID agentId = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, s.f().business(), agentId, "AGENT");

        // When an agent takes the conversation over
        Api.Response takeover = agent.post(s.path("/takeover"), "");

        // Then it is HUMAN, assigned to them, and HandoffRequested (MEMBER) is on conversation.handoffs
        assertThat(takeover.status()).isEqualTo(200);
        assertThat(takeover.json().get("mode").asString()).isEqualTo("HUMAN");
        assertThat(takeover.json().get("assigneeId").asString()).isEqualTo(agentId.toString());
        ConsumerRecord<String, HandoffRequested> requested = awaitRequested(s.f().conversationId(), "MEMBER");
        assertThat(requested.key()).isEqualTo(s.f().conversationId().toString());
        assertThat(requested.value().getMemberId()).isEqualTo(agentId.toString());
        assertThat(requested.value().getBusinessId()).isEqualTo(s.f().business());
        assertThat(requested.value().getChannelType()).isEqualTo("INSTAGRAM");

        // and the customer's next message asks the assistant for nothing
        String whileHuman = "Are you there? " + s.f().tag();
        customerWrites(s.f(), s.account(), s.customer(), whileHuman);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.hasMessage(whileHuman));
        assertThat(replyRequestsFor(whileHuman, Duration.ofSeconds(2))).isEmpty();

        // When the agent releases it
        Api.Response release = agent.post(s.path("/release"), "");

        // Then BOT again, HandoffResolved RELEASED, and the assistant answers the next message
        assertThat(release.json().get("mode").asString()).isEqualTo("BOT");
        HandoffResolved resolved = awaitResolved(s.f().conversationId(), "RELEASED").value();
        assertThat(resolved.getMode()).isEqualTo("BOT");
        assertThat(resolved.getMemberId()).isEqualTo(agentId.toString());
        String afterRelease = "Thanks! " + s.f().tag();
        customerWrites(s.f(), s.account(), s.customer(), afterRelease);
        assertThat(awaitReplyRequest(afterRelease).getConversationId()).isEqualTo(s.f().conversationId());
    }

    @Test
    void aCustomerAskingForAPersonHandsOffAndTheKeywordMessageGetsNoReply() {
        Setup s = setup("igsid-h2");

        // A question that merely contains a keyword is answered by the assistant
        String hair = "Is this human hair? " + s.f().tag();
        customerWrites(s.f(), s.account(), s.customer(), hair);
        awaitReplyRequest(hair);
        assertThat(s.conversation().get("mode").asString()).isEqualTo("BOT");

        // When the customer asks for a person
        String ask = "Can I talk to a person please? " + s.f().tag();
        customerWrites(s.f(), s.account(), s.customer(), ask);

        // Then HUMAN, HandoffRequested KEYWORD naming the phrase, and no ReplyRequested for that message
        HandoffRequested requested = awaitRequested(s.f().conversationId(), "KEYWORD").value();
        assertThat(requested.getReason()).contains("talk to a person");
        assertThat(requested.getMemberId()).isNull();
        assertThat(requested.getCausationId()).isNotNull();
        assertThat(s.conversation().get("mode").asString()).isEqualTo("HUMAN");
        assertThat(replyRequestsFor(ask, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theAssistantsHandoffActionHandsOffAndItsOwnTextIsStillSent() {
        Setup s = setup("igsid-h3");
        String text = "Let me get a colleague for you " + s.f().tag();
        SendFixtures.stub(SendFixtures.send(text), SendFixtures.ok("m_handoff_" + s.f().tag()));
        ReplyGenerated reply = ReplyGenerated.newBuilder(SendFixtures.reply(s.f(), text))
                .setActions(List.of(HandoffAction.newBuilder().setReason("wants a refund").build())).build();

        // When the assistant's reply carries a handoff action (delivered twice)
        SendFixtures.deliver(reply, 2);

        // Then HUMAN with the model's reason, once, caused by the reply, and the reply's text still reaches Meta
        HandoffRequested requested = awaitRequested(s.f().conversationId(), "AI_ACTION").value();
        assertThat(requested.getReason()).isEqualTo("wants a refund");
        assertThat(requested.getCausationId()).isEqualTo(reply.getEventId().toString());
        s.f().await(text, "SENT");
        assertThat(sendApiCallsWith(text)).isEqualTo(1);
        assertThat(s.conversation().get("mode").asString()).isEqualTo("HUMAN");
        assertThat(requested(s.f().conversationId(), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aReplyGeneratedBeforeATakeoverAndArrivingAfterItIsNotSent() {
        // Given the assistant was asked for a reply while the conversation was BOT
        Setup s = setup("igsid-h4");
        String late = "Sure, here are our prices " + s.f().tag();
        SendFixtures.stub(SendFixtures.send(late), SendFixtures.ok("m_late_" + s.f().tag()));
        ReplyGenerated generated = SendFixtures.reply(s.f(), late);

        // When a member takes over, and only then the reply arrives
        assertThat(s.f().api().post(s.path("/takeover"), "").status()).isEqualTo(200);
        SendFixtures.deliver(generated, 1);

        // Then it is recorded FAILED HANDED_OFF with OutboundMessageFailed, and Meta never saw it
        JsonNode message = s.f().await(late, "FAILED");
        assertThat(message.get("failureReason").asString()).isEqualTo("HANDED_OFF");
        assertThat(message.get("authorType").asString()).isEqualTo("AI");
        assertThat(message.get("attempts").asInt()).isZero();
        OutboundMessageFailed failed = KafkaEvents.awaitFirst(Topics.CONVERSATION_MESSAGES.name(),
                OutboundMessageFailed.class, e -> e.getConversationId().equals(s.f().conversationId())).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("HANDED_OFF");
        assertThat(sendApiCallsWith(late)).isZero();
        // and it is not on the team's "needs attention" list: a person has the conversation already
        assertThat(s.f().api().get("/api/messages?status=FAILED").json().findValuesAsString("text"))
                .doesNotContain(late);

        // while a SYSTEM text (a payment link) is still sent to the customer
        String link = "Pay here: https://pay.example/" + s.f().tag();
        SendFixtures.stub(SendFixtures.send(link), SendFixtures.ok("m_link_" + s.f().tag()));
        SendFixtures.deliver(SendFixtures.request(s.f(), link), 1);
        s.f().await(link, "SENT");
        assertThat(sendApiCallsWith(link)).isEqualTo(1);
    }

    @Test
    void closingSilencesTheConversationAndTheCustomersNextMessageReopensItWithTheAssistant() {
        Setup s = setup("igsid-h5");

        Api.Response close = s.f().api().post(s.path("/close"), "");

        assertThat(close.json().get("mode").asString()).isEqualTo("CLOSED");
        assertThat(awaitResolved(s.f().conversationId(), "CLOSED").value().getMode()).isEqualTo("CLOSED");

        // When the customer writes again
        String again = "Hello again " + s.f().tag();
        customerWrites(s.f(), s.account(), s.customer(), again);

        // Then REOPENED in BOT mode, and the assistant is asked to answer
        HandoffResolved reopened = awaitResolved(s.f().conversationId(), "REOPENED").value();
        assertThat(reopened.getMode()).isEqualTo("BOT");
        assertThat(reopened.getMemberId()).isNull();
        assertThat(awaitReplyRequest(again).getConversationId()).isEqualTo(s.f().conversationId());
        assertThat(s.conversation().get("mode").asString()).isEqualTo("BOT");
    }

    @Test
    void anotherBusinessCannotTakeOverReleaseOrCloseAConversation() {
        Setup s = setup("igsid-h6");
        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());

        for (String action : List.of("/takeover", "/release", "/close")) {
            Api.Response response = stranger.post(s.path(action), "");
            assertThat(response.status()).as(action).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(stranger.get(s.path("")).status()).isEqualTo(404);

        assertThat(s.conversation().get("mode").asString()).isEqualTo("BOT");
        assertThat(s.conversation().get("assigneeId").isNull()).isTrue();
        assertThat(requested(s.f().conversationId(), Duration.ofSeconds(2))).isEmpty();
        assertThat(Api.anonymous(port).post(s.path("/takeover"), "").status()).isEqualTo(401);
    }
}
