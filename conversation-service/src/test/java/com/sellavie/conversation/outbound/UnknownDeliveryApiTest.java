package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.insertOutbound;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The team's two answers to an UNKNOWN delivery: resend it, or mark it delivered. */
@ConversationServiceTest
class UnknownDeliveryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentResendsAnUnknownMessageAndItIsSentAgainWithItsAttemptsKept() {
        // Given a reply whose delivery is UNKNOWN after one attempt
        Fixture f = conversation(port, "igsid-90");
        String text = "Did this arrive? " + UUID.randomUUID();
        UUID id = insertOutbound(jdbc, f, text, "UNKNOWN", "dead-instance", -60, 1, 1_000);
        stub(send(text), ok("m_resent_" + f.tag()));
        UUID agent = UUID.randomUUID();
        Api asAgent = Api.asMemberOf(port, f.business(), agent, "AGENT");

        // When an agent resends it
        Api.Response answer = asAgent.post(path(f, id, "resend"), "");

        // Then it is queued again and sent, once, as its second attempt, and who asked is recorded
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asString()).isEqualTo(id.toString());
        JsonNode sent = f.await(text, "SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("resolution").asString()).isEqualTo("RESENT");
        assertThat(callsWith(text)).hasSize(1);
        assertThat(resolvedBy(f, id)).isEqualTo(agent.toString());
        assertThat(KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class, e -> e.getMessageId().equals(id))
                .getFirst().value().getExternalMessageId()).isEqualTo("m_resent_" + f.tag());
    }

    @Test
    void aTeamMemberMarksAnUnknownMessageDeliveredWithoutCallingMeta() {
        Fixture f = conversation(port, "igsid-91");
        String text = "Seen on Instagram " + UUID.randomUUID();
        UUID id = insertOutbound(jdbc, f, text, "UNKNOWN", "dead-instance", -60, 1, 1_000);
        UUID admin = UUID.randomUUID();

        Api.Response answer = Api.asMemberOf(port, f.business(), admin, "ADMIN").post(path(f, id, "mark-delivered"), "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("deliveryStatus").asString()).isEqualTo("SENT");
        JsonNode shown = f.message(text);
        assertThat(shown.get("deliveryStatus").asString()).isEqualTo("SENT");
        assertThat(shown.get("resolution").asString()).isEqualTo("MARKED_DELIVERED");
        assertThat(resolvedBy(f, id)).isEqualTo(admin.toString());
        OutboundMessageSent announced = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getMessageId().equals(id)).getFirst().value();
        assertThat(announced.getExternalMessageId()).isEmpty();
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void onlyAnUnknownMessageCanBeResolved() {
        // Given a message already SENT, and an inbound message
        Fixture f = conversation(port, "igsid-92");
        String text = "Already sent " + UUID.randomUUID();
        UUID sent = insertOutbound(jdbc, f, text, "SENT", "some-instance", -60, 1, 1_000);
        UUID inbound = UUID.fromString(f.messages().stream()
                .filter(m -> "INBOUND".equals(m.get("direction").asString())).findFirst().orElseThrow().get("id").asString());

        // Then resend and mark-delivered answer 409 for the SENT one (404 for the inbound one), changing nothing
        Api.Response resend = f.api().post(path(f, sent, "resend"), "");
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.contentType()).startsWith("application/problem+json");
        assertThat(resend.json().get("detail").asString()).contains("SENT");
        assertThat(f.api().post(path(f, sent, "mark-delivered"), "").status()).isEqualTo(409);
        assertThat(f.api().post(path(f, inbound, "resend"), "").status()).isEqualTo(404);
        assertThat(f.status(text)).isEqualTo("SENT");
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void anotherBusinessGets404AndChangesNothing() {
        Fixture f = conversation(port, "igsid-93");
        String text = "Not yours " + UUID.randomUUID();
        UUID id = insertOutbound(jdbc, f, text, "UNKNOWN", "dead-instance", -60, 1, 1_000);
        Api stranger = Api.asMemberOf(port, UUID.randomUUID(), UUID.randomUUID(), "OWNER");

        assertThat(stranger.post(path(f, id, "resend"), "").status()).isEqualTo(404);
        assertThat(stranger.post(path(f, id, "mark-delivered"), "").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).post(path(f, id, "resend"), "").status()).isEqualTo(401);

        assertThat(f.status(text)).isEqualTo("UNKNOWN");
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class, e -> e.getMessageId().equals(id),
                Duration.ofSeconds(1))).isEmpty();
        assertThat(callsWith(text)).isEmpty();
    }

    private static String path(Fixture f, UUID messageId, String action) {
        return "/api/conversations/" + f.conversationId() + "/messages/" + messageId + "/" + action;
    }

    private String resolvedBy(Fixture f, UUID id) {
        return TenantContext.callAs(f.business(), () -> jdbc.queryForObject(
                "SELECT resolved_by FROM messages WHERE business_id = ? AND id = ?", String.class, f.business(), id));
    }
}
