package com.sellavie.conversation.live;

import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.live.EventStreamClient.Sse;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bursts and clients that stop reading: nobody else waits for them, and nothing is silently lost. */
@ConversationServiceTest
class LiveBackpressureTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /** {@code changes} mode changes of the conversation in one transaction: as many events. */
    private void changeModeTimes(Fixture f, int changes) {
        TenantContext.runAs(f.business(), () -> jdbc.execute("DO $$ BEGIN FOR i IN 1.." + changes + " LOOP "
                + "UPDATE conversations SET mode = CASE WHEN i % 2 = 0 THEN 'BOT' ELSE 'HUMAN' END "
                + "WHERE id = '" + f.conversationId() + "'; END LOOP; END $$"));
    }

    private double dropped() {
        return meters.get("sellavie.live.dropped").counter().count();
    }

    /** A stream whose client sends the request, then never reads a byte. */
    private Socket stuckClient(UUID business) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                + TestTokens.accessToken(business, UUID.randomUUID(), "AGENT") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileTheOthersKeepUp() throws Exception {
        // Given two tabs of one business: one reading, one that stopped reading
        Fixture f = conversationOn(port, context, "INSTAGRAM", "igsid-burst-1", Instant.now().minusSeconds(60));
        double droppedBefore = dropped();
        try (EventStreamClient reading = EventStreamClient.open(port, f.business(), UUID.randomUUID(), null);
                Socket stuck = stuckClient(f.business())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(LiveStreams.class).openStreams() >= 2);

            // When changes keep coming (until the stuck client's socket is full and its write has waited
            // past the stall timeout)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                changeModeTimes(f, 500);
                return dropped() > droppedBefore;
            });

            // Then the stuck client was dropped, and the reading one still learns what happens next: the
            // change itself, or a reset that covers it (when a burst did not fit its buffer)
            TenantContext.runAs(f.business(), () -> jdbc.update("UPDATE conversations SET mode = 'CLOSED' WHERE id = ?",
                    f.conversationId()));
            long closedId = TenantContext.callAs(f.business(), () -> jdbc.queryForObject(
                    "SELECT max(id) FROM live_events WHERE business_id = ?", Long.class, f.business()));
            Sse told = reading.awaitEvent(e -> Long.parseLong(e.id()) >= closedId);
            if ("conversation".equals(told.event())) {
                assertThat(told.json().get("mode").asString()).isEqualTo("CLOSED");
            } else {
                assertThat(told.event()).isEqualTo("reset");
            }
            assertThat(context.getBean(LiveStreams.class).openStreams()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aBurstLargerThanTheBufferBecomesOneResetNotAGap() {
        // Given a reading tab
        Fixture f = conversationOn(port, context, "INSTAGRAM", "igsid-burst-2", Instant.now().minusSeconds(60));
        try (EventStreamClient reading = EventStreamClient.open(port, f.business(), UUID.randomUUID(), null)) {
            // When one transaction changes the conversation 5000 times
            changeModeTimes(f, 5000);

            // Then the tab ends up told either every change or, where they did not fit, to refetch
            await().atMost(Duration.ofSeconds(30)).until(() -> reading.events().size() == 5000
                    || reading.events().stream().anyMatch(e -> "reset".equals(e.event())));
            assertThat(reading.events()).allSatisfy(e -> assertThat(e.event()).isIn("conversation", "reset"));
        }
    }

    @Test
    void resumingAfterMoreThanAReplayHoldsAnswersReset() {
        // Given a tab that saw one event, then 200 more changes while it was away (a replay holds 128)
        Fixture f = conversationOn(port, context, "INSTAGRAM", "igsid-burst-3", Instant.now().minusSeconds(60));
        String lastSeen;
        try (EventStreamClient stream = EventStreamClient.open(port, f.business(), UUID.randomUUID(), null)) {
            changeModeTimes(f, 1);
            lastSeen = stream.awaitEvent(e -> "conversation".equals(e.event())).id();
        }
        changeModeTimes(f, 200);

        // When it resumes, it is told to refetch instead of getting a partial replay
        try (EventStreamClient resumed = EventStreamClient.open(port, f.business(), UUID.randomUUID(), lastSeen)) {
            Sse reset = resumed.awaitEvent(e -> "reset".equals(e.event()));
            assertThat(Long.parseLong(reset.id())).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(resumed.events()).noneMatch(e -> "conversation".equals(e.event()));
        }
    }
}
