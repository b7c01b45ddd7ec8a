package com.sellavie.conversation.handoff;

import static com.sellavie.conversation.handoff.HandoffFixtures.awaitResolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ConversationServiceTest
class QuietPeriodTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QuietPeriodRelease job;

    private record Human(UUID business, Api owner, UUID conversationId) {
    }

    /** A conversation a member took over, with a 30-minute quiet period for its business. */
    private Human takenOver(String customer) {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.put("/api/handoff/settings", "{\"keywords\":[\"agent\"],\"quietPeriodMinutes\":30}");
        String account = Inbound.connectChannel(owner);
        String text = "hello " + UUID.randomUUID();
        Inbound.deliver(Inbound.message(business, account, customer, "mid." + UUID.randomUUID(), text,
                Instant.now().minus(Duration.ofMinutes(40))), 1);
        UUID conversationId = KafkaEvents.awaitFirst(Topics.CONVERSATION_REPLY_REQUESTS.name(), ReplyRequested.class,
                r -> text.equals(r.getTriggerText())).getFirst().value().getConversationId();
        owner.post("/api/conversations/" + conversationId + "/takeover", "");
        return new Human(business, owner, conversationId);
    }

    private void takenOverMinutesAgo(Human h, int minutes) {
        TenantContext.runAs(h.business(), () -> jdbc.update("UPDATE conversations SET mode_changed_at = "
                + "now() - ? * interval '1 minute' WHERE id = ?", minutes, h.conversationId()));
    }

    private String mode(Human h) {
        return h.owner().get("/api/conversations/" + h.conversationId()).json().get("mode").asString();
    }

    @Test
    void aConversationNobodyWroteInForTheQuietPeriodGoesBackToTheAssistantOnce() {
        Human h = takenOver("igsid-q1");
        takenOverMinutesAgo(h, 31);

        // Two instances' jobs at once
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(job::releaseQuietConversations);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(job::releaseQuietConversations);
        first.join();
        second.join();

        assertThat(mode(h)).isEqualTo("BOT");
        HandoffResolved resolved = awaitResolved(h.conversationId(), "QUIET_PERIOD").value();
        assertThat(resolved.getMode()).isEqualTo("BOT");
        assertThat(resolved.getMemberId()).isNull();
        assertThat(KafkaEvents.collect(HandoffFixtures.HANDOFFS, HandoffResolved.class,
                e -> e.getConversationId().equals(h.conversationId()), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aMembersRecentNoteOrAShorterSilenceKeepsItHuman() {
        Human noted = takenOver("igsid-q2");
        takenOverMinutesAgo(noted, 45);
        noted.owner().post("/api/conversations/" + noted.conversationId() + "/notes", "{\"text\":\"calling her back\"}");
        Human recent = takenOver("igsid-q3");
        takenOverMinutesAgo(recent, 20);

        job.releaseQuietConversations();

        assertThat(mode(noted)).isEqualTo("HUMAN");
        assertThat(mode(recent)).isEqualTo("HUMAN");
    }
}
