package com.sellavie.notification.messaging.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.notification.HandoffEvents;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** conversation.handoffs records on the real broker and registry, the feed read over HTTP as the business's owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class ConversationHandoffsListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aConversationThatNeedsAPersonAlertsTheTeamOnceAndOnlyItsBusiness() throws Exception {
        // Given the assistant handed Ada's conversation over, delivered twice by the relay
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        HandoffRequested handoff = HandoffEvents.requested(business, conversation, "AI_ACTION", "Ada",
                "wants a refund");

        HandoffEvents.publish(handoff, conversation, 2);

        // Then one alert naming the customer and the reason
        JsonNode feed = awaitFeed(business, 1);
        JsonNode alert = feed.get("items").get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("HANDOFF_REQUESTED");
        assertThat(alert.get("title").asString()).isEqualTo("Conversation with Ada needs a person (wants a refund)");
        assertThat(alert.get("body").asString()).contains("The assistant handed it over", "Instagram");
        assertThat(alert.get("reference").asString()).startsWith(conversation.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class,
                handoff.getEventId())).isEqualTo(1);
        // and another business sees nothing
        assertThat(feed(UUID.randomUUID()).get("items")).isEmpty();
    }

    @Test
    void aMembersOwnTakeoverAndResolutionsDoNotAlertButACustomersRequestDoes() throws Exception {
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        HandoffRequested takeover = HandoffEvents.requested(business, conversation, "MEMBER", "Ada", null);
        HandoffResolved released = HandoffEvents.resolved(business, conversation, "RELEASED", "BOT");
        HandoffRequested keyword = HandoffEvents.requested(business, conversation, "KEYWORD", null,
                "The customer asked for a person (\"agent\")");

        // same conversation, same partition: the keyword handoff is handled after the two quiet ones
        for (var event : List.of(takeover, released, keyword)) {
            HandoffEvents.publish(event, conversation, 1);
        }

        JsonNode feed = awaitFeed(business, 1);
        assertThat(feed.get("items")).hasSize(1);
        assertThat(feed.get("items").get(0).get("title").asString())
                .isEqualTo("Conversation with a customer needs a person (The customer asked for a person (\"agent\"))");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id IN (?, ?)", Integer.class,
                takeover.getEventId(), released.getEventId())).isEqualTo(2);
    }

    private JsonNode awaitFeed(UUID business, int size) throws IOException, InterruptedException {
        await().atMost(PATIENCE).until(() -> feed(business).get("items").size() >= size);
        return feed(business);
    }

    private JsonNode feed(UUID business) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
