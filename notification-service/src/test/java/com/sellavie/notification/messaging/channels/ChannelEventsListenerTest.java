package com.sellavie.notification.messaging.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.notification.ChannelEvents;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** conversation.channels records on the real broker and registry, the feed read over HTTP as the owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class ChannelEventsListenerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aChannelThatNeedsReconnectingAlertsItsBusinessOnceAndNoOtherBusiness() throws Exception {
        // Given Meta rejected the token of business A's Instagram channel, and the event arrives twice
        UUID businessA = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        var event = ChannelEvents.needsReconnect(businessA, channel, "INSTAGRAM", "ankara.studio");
        ChannelEvents.publish(event, channel, businessA.toString());
        ChannelEvents.publish(event, channel, businessA.toString());
        // (a connect of the same channel after it: acknowledged quietly; once it is in, both copies were handled)
        var connected = ChannelEvents.connected(businessA, channel);
        ChannelEvents.publish(connected, channel, businessA.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntries(connected.getEventId()) == 1);

        // Then A's feed holds one alert naming the channel, and another business's feed nothing
        JsonNode items = feed(businessA).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("kind").asString()).isEqualTo("CHANNEL_NEEDS_RECONNECT");
        assertThat(items.get(0).get("title").asString()).isEqualTo("Instagram @ankara.studio needs reconnecting");
        assertThat(items.get(0).get("body").asString()).contains("Meta rejected its token");
        assertThat(feed(UUID.randomUUID()).get("items")).isEmpty();
        assertThat(meters.find(ChannelEventsListener.OUTCOMES).tags("type", "ChannelConnected", "outcome",
                "acknowledged").counter()).isNotNull();
    }

    @Test
    void aRecordWhoseTenantHeaderNamesAnotherBusinessWritesNothing() throws Exception {
        UUID businessA = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        var event = ChannelEvents.needsReconnect(businessA, channel, "WHATSAPP", "Ankara Studio");
        UUID other = UUID.randomUUID();

        ChannelEvents.publish(event, channel, other.toString());
        var marker = ChannelEvents.connected(businessA, channel);
        ChannelEvents.publish(marker, channel, businessA.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntries(marker.getEventId()) == 1);

        assertThat(inboxEntries(event.getEventId())).isZero();
        assertThat(feed(businessA).get("items")).isEmpty();
        assertThat(feed(other).get("items")).isEmpty();
    }

    private int inboxEntries(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId);
    }

    private JsonNode feed(UUID business) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
