package com.sellavie.conversation.live;

import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.sellavie.conversation.live.EventStreamClient.Sse;
import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/events}: the console's live feed, read by a real HTTP client as the changes happen. */
@ConversationServiceTest
class LiveEventStreamTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LiveHousekeeping housekeeping;
    @Autowired
    LiveStreamsShutdown shutdown;

    private Fixture conversation(String customer) {
        return conversationOn(port, context, "INSTAGRAM", customer, Instant.now().minusSeconds(60));
    }

    /** The customer writes again on the fixture's channel; returns the text. */
    private static String customerWrites(Fixture f, String customer) {
        String text = "Is the linen dress in stock? " + UUID.randomUUID();
        Inbound.deliver(Inbound.message(f.business(), f.tag(), customer, "mid." + UUID.randomUUID(), text,
                Instant.now()), 1);
        return text;
    }

    private static EventStreamClient open(int port, Fixture f) {
        return EventStreamClient.open(port, f.business(), UUID.randomUUID(), null);
    }

    private static boolean isMessage(Sse e, JsonNode message) {
        return "message".equals(e.event()) && message.get("id").asString().equals(e.json().get("messageId").asString());
    }

    @Test
    void aCustomersMessageReachesTheOpenStreamOfItsBusiness() {
        // Given a conversation and a member's open stream
        Fixture f = conversation("igsid-live-1");
        try (EventStreamClient stream = open(port, f)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            // When the customer writes
            String text = customerWrites(f, "igsid-live-1");

            // Then a "message" event names the conversation and the new inbound message
            JsonNode message = f.awaitInbound(text);
            Sse event = stream.awaitEvent(e -> isMessage(e, message));
            assertThat(event.json().get("conversationId").asString()).isEqualTo(f.conversationId().toString());
            assertThat(event.json().get("direction").asString()).isEqualTo("INBOUND");
            assertThat(Long.parseLong(event.id())).isPositive();
        }
    }

    @Test
    void aTeamReplysNewMessageAndEachStatusChangeAreEvents() {
        // Given a conversation, Meta accepting sends, and an open stream
        Fixture f = conversation("igsid-live-2");
        ConversationTestInfrastructure.GRAPH.stubFor(WireMock.post(WireMock.urlEqualTo(SendFixtures.SEND_PATH))
                .willReturn(SendFixtures.ok("m_live_" + UUID.randomUUID())));
        try (EventStreamClient stream = open(port, f)) {
            // When a member replies and the reply is sent
            String text = "Yes, size M is here " + UUID.randomUUID();
            assertThat(f.api().post("/api/conversations/" + f.conversationId() + "/messages",
                    "{\"text\":\"" + text + "\"}").status()).isEqualTo(201);
            JsonNode sent = f.await(text, "SENT");

            // Then the stream says: a new outbound message, then its status moving on to SENT
            Sse created = stream.awaitEvent(e -> isMessage(e, sent));
            assertThat(created.json().get("direction").asString()).isEqualTo("OUTBOUND");
            Sse status = stream.awaitEvent(e -> "message-status".equals(e.event())
                    && "SENT".equals(e.json().get("deliveryStatus").asString()));
            assertThat(status.json().get("messageId").asString()).isEqualTo(sent.get("id").asString());
            assertThat(Long.parseLong(status.id())).isGreaterThan(Long.parseLong(created.id()));
        }
    }

    @Test
    void aModeChangeIsAnEventAndALeaseUpdateIsNot() {
        // Given a conversation and an open stream
        Fixture f = conversation("igsid-live-3");
        try (EventStreamClient stream = open(port, f)) {
            // When the send queue only renews a lease on a message, then the conversation is handed to a person
            TenantContext.runAs(f.business(), () -> {
                jdbc.update("UPDATE messages SET lease_until = now() + interval '1 minute', lease_owner = 'other' "
                        + "WHERE conversation_id = ?", f.conversationId());
                jdbc.update("UPDATE conversations SET mode = 'HUMAN' WHERE id = ?", f.conversationId());
            });

            // Then the one event is the conversation's, with its new mode
            Sse event = stream.awaitEvent(e -> true);
            assertThat(event.event()).isEqualTo("conversation");
            assertThat(event.json().get("conversationId").asString()).isEqualTo(f.conversationId().toString());
            assertThat(event.json().get("mode").asString()).isEqualTo("HUMAN");
        }
    }

    @Test
    void aContactsNewNameIsAnEventOfItsConversationAndTheProfileQueuesBookkeepingIsNot() {
        Fixture f = conversation("igsid-live-10");
        // A second customer on the same channel whose profile is not due (the refresh queue leaves them alone)
        UUID contact = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        TenantContext.runAs(f.business(), () -> {
            jdbc.update("INSERT INTO contacts (id, business_id, channel_id, external_id, name, created_at, "
                    + "profile_due_at) SELECT ?, business_id, channel_id, 'igsid-live-10b', 'M.', now(), "
                    + "now() + interval '1 day' FROM conversations WHERE id = ?", contact, f.conversationId());
            jdbc.update("INSERT INTO conversations (id, business_id, channel_id, contact_id, last_message_at, "
                    + "created_at) SELECT ?, business_id, channel_id, ?, now(), now() FROM conversations WHERE id = ?",
                    conversation, contact, f.conversationId());
        });
        try (EventStreamClient stream = open(port, f)) {
            // When the profile queue claims the contact and schedules its next fetch, then the name changes
            TenantContext.runAs(f.business(), () -> {
                jdbc.update("UPDATE contacts SET profile_lease_owner = 'other', profile_lease_until = now() "
                        + "+ interval '1 minute' WHERE id = ?", contact);
                jdbc.update("UPDATE contacts SET profile_due_at = now() + interval '2 days', profile_failures = 2, "
                        + "profile_lease_owner = NULL, profile_lease_until = NULL WHERE id = ?", contact);
                jdbc.update("UPDATE contacts SET name = 'Maya' WHERE id = ?", contact);
            });

            // Then the stream gets the conversation's event, and the name's is the only one written
            Sse event = stream.awaitEvent(e -> conversation.toString().equals(e.json().get("conversationId").asString()));
            assertThat(event.event()).isEqualTo("conversation");
            assertThat(TenantContext.callAs(f.business(), () -> jdbc.queryForObject("SELECT count(*) FROM live_events "
                    + "WHERE conversation_id = ?", Integer.class, conversation))).isEqualTo(1);
        }
    }

    @Test
    void anotherBusinesssStreamSeesNothing() {
        // Given two businesses' open streams
        Fixture ours = conversation("igsid-live-4");
        Fixture theirs = conversation("igsid-live-5");
        try (EventStreamClient ourStream = open(port, ours); EventStreamClient theirStream = open(port, theirs)) {
            // When our customer writes (and, after it, a change of theirs makes a marker on their stream)
            String text = customerWrites(ours, "igsid-live-4");
            JsonNode message = ours.awaitInbound(text);
            ourStream.awaitEvent(e -> isMessage(e, message));
            TenantContext.runAs(theirs.business(), () -> jdbc.update(
                    "UPDATE conversations SET mode = 'CLOSED' WHERE id = ?", theirs.conversationId()));
            theirStream.awaitEvent(e -> "conversation".equals(e.event()));

            // Then their stream carried only their own conversation's event
            assertThat(theirStream.events()).extracting(e -> e.json().get("conversationId").asString())
                    .containsOnly(theirs.conversationId().toString());
        }
    }

    @Test
    void resumingWithLastEventIdReplaysTheMissedEventsFirst() {
        // Given a stream that saw one event, then closed
        Fixture f = conversation("igsid-live-6");
        String lastSeen;
        try (EventStreamClient stream = open(port, f)) {
            JsonNode first = f.awaitInbound(customerWrites(f, "igsid-live-6"));
            lastSeen = stream.awaitEvent(e -> isMessage(e, first)).id();
        }
        // When two messages arrive while the tab is away, and it reconnects with its last id
        List<JsonNode> missed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            missed.add(f.awaitInbound(customerWrites(f, "igsid-live-6")));
        }
        try (EventStreamClient resumed = EventStreamClient.open(port, f.business(), UUID.randomUUID(), lastSeen)) {
            // Then both missed messages come, in order, with larger ids; the one already seen does not
            Sse one = resumed.awaitEvent(e -> isMessage(e, missed.get(0)));
            Sse two = resumed.awaitEvent(e -> isMessage(e, missed.get(1)));
            assertThat(Long.parseLong(one.id())).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(Long.parseLong(two.id())).isGreaterThan(Long.parseLong(one.id()));
            assertThat(resumed.events()).noneMatch(e -> lastSeen.equals(e.id()));
            assertThat(resumed.events()).noneMatch(e -> "reset".equals(e.event()));
        }
    }

    @Test
    void anIdOlderThanWhatIsKeptAnswersReset() {
        // Given a business whose events were purged (they are older than the retention)
        Fixture f = conversation("igsid-live-7");
        String old;
        try (EventStreamClient stream = open(port, f)) {
            JsonNode message = f.awaitInbound(customerWrites(f, "igsid-live-7"));
            old = stream.awaitEvent(e -> isMessage(e, message)).id();
        }
        f.awaitInbound(customerWrites(f, "igsid-live-7"));
        TenantContext.runAs(f.business(), () -> jdbc.update(
                "UPDATE live_events SET at = at - interval '2 hours' WHERE business_id = ?", f.business()));
        housekeeping.purge();

        // When a tab resumes from an id before the purge
        try (EventStreamClient resumed = EventStreamClient.open(port, f.business(), UUID.randomUUID(), old)) {
            // Then it is told to refetch everything, with an id to resume from next time
            Sse reset = resumed.awaitEvent(e -> "reset".equals(e.event()));
            assertThat(Long.parseLong(reset.id())).isGreaterThan(Long.parseLong(old));
            assertThat(resumed.events()).noneMatch(e -> "message".equals(e.event()));
        }
    }

    @Test
    void anUnknownLastEventIdAnswersReset() {
        Fixture f = conversation("igsid-live-8");
        try (EventStreamClient ahead = EventStreamClient.open(port, f.business(), UUID.randomUUID(), "999999999999");
                EventStreamClient garbage = EventStreamClient.open(port, f.business(), UUID.randomUUID(), "abc")) {
            ahead.awaitEvent(e -> "reset".equals(e.event()));
            garbage.awaitEvent(e -> "reset".equals(e.event()));
        }
    }

    @Test
    void aLostListenConnectionTellsOpenStreamsToRefetchAndEventsFlowAgain() {
        // Given an open stream
        Fixture f = conversation("igsid-live-9");
        try (EventStreamClient stream = open(port, f)) {
            // When the database ends the instance's LISTEN connection (a failover, a restart)
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) "
                    + "FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN live_events'",
                    Long.class) > 0);

            // Then the stream is told events may have been missed ...
            stream.awaitEvent(e -> "reset".equals(e.event()));
            // ... and once listening again, changes arrive as before
            JsonNode message = f.awaitInbound(customerWrites(f, "igsid-live-9"));
            stream.awaitEvent(e -> isMessage(e, message));
        }
    }

    @Test
    void withoutATokenTheStreamIsRefused() {
        try (EventStreamClient stream = EventStreamClient.open(port, null, null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }

    @Test
    void aMembersSixthStreamIsRefusedWith429UntilOneCloses() {
        // Given a member holding five open streams (the default limit)
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        List<EventStreamClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                tabs.add(EventStreamClient.open(port, business, member, null));
            }
            assertThat(tabs).allSatisfy(tab -> assertThat(tab.status()).isEqualTo(200));

            // When they open a sixth, it is refused with a clear problem
            try (EventStreamClient sixth = EventStreamClient.open(port, business, member, null)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.contentType()).startsWith("application/problem+json");
            }
            // And another member of the business is not held back
            try (EventStreamClient colleague = EventStreamClient.open(port, business, UUID.randomUUID(), null)) {
                assertThat(colleague.status()).isEqualTo(200);
            }

            // Then once a tab closes, a new stream opens
            tabs.removeFirst().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (EventStreamClient again = EventStreamClient.open(port, business, member, null)) {
                    return again.status() == 200;
                }
            });
        } finally {
            tabs.forEach(EventStreamClient::close);
        }
    }

    @Test
    void stoppingTheServiceEndsItsOpenStreamsAndAsksNewOnesToComeBack() {
        // Given two members' open streams
        UUID business = UUID.randomUUID();
        try (EventStreamClient one = EventStreamClient.open(port, business, UUID.randomUUID(), null);
                EventStreamClient two = EventStreamClient.open(port, business, UUID.randomUUID(), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> one.comments().contains("connected")
                    && two.comments().contains("connected"));

            // When the service stops (this runs just before the web server's graceful shutdown)
            shutdown.stop();
            try {
                // Then both streams end, so the web server has no endless request to wait for
                await().atMost(Duration.ofSeconds(5)).until(() -> one.ended() && two.ended());
                assertThat(shutdown.isRunning()).isFalse();

                // And a tab reconnecting meanwhile is told to come back shortly (the console retries)
                try (EventStreamClient late = EventStreamClient.open(port, business, UUID.randomUUID(), null)) {
                    assertThat(late.status()).isEqualTo(503);
                    assertThat(late.header("Retry-After")).isEqualTo("1");
                    assertThat(late.contentType()).startsWith("application/problem+json");
                }
            } finally {
                shutdown.start();
            }
            // Once running again, streams open as before
            try (EventStreamClient again = EventStreamClient.open(port, business, UUID.randomUUID(), null)) {
                assertThat(again.status()).isEqualTo(200);
            }
        }
    }
}
