package com.sellavie.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.InboundMessages;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class NotificationsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void listsTheBusinessesNotificationsNewestFirst() throws Exception {
        // Given two DMs to one business
        UUID business = UUID.randomUUID();
        InboundMessageReceived first = InboundMessages.instagramDm(business, "Is the linen shirt available?");
        InboundMessageReceived second = InboundMessages.instagramDm(business, "x".repeat(300));
        InboundMessages.publish(first);
        InboundMessages.publish(second);

        // When its owner lists the feed
        JsonNode feed = awaitFeed(business, 2);

        // Then both are there, newest first, with a short preview and the message's reference
        JsonNode newest = feed.get("items").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("NEW_MESSAGE");
        assertThat(newest.get("title").asString()).isEqualTo("New Instagram message");
        assertThat(newest.get("body").asString()).hasSize(140).endsWith("…");
        assertThat(newest.get("reference").asString()).endsWith("/" + second.getExternalMessageId());
        assertThat(newest.get("createdAt").asString()).isNotBlank();
        assertThat(newest.get("readAt").isNull()).isTrue();
        assertThat(feed.get("items").get(1).get("body").asString()).isEqualTo("Is the linen shirt available?");
        assertThat(feed.get("unreadCount").asLong()).isEqualTo(2);
        assertThat(feed.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void anotherBusinessSeesNoneOfItAndCannotMarkItRead() throws Exception {
        // Given a notification of business A
        UUID businessA = UUID.randomUUID();
        InboundMessages.publish(InboundMessages.instagramDm(businessA, "private to A"));
        String id = awaitFeed(businessA, 1).get("items").get(0).get("id").asString();

        // When business B lists its feed and tries to mark A's notification read
        String tokenOfB = TestTokens.ownerOf(UUID.randomUUID());
        HttpResponse<String> list = get("/api/notifications", tokenOfB);
        HttpResponse<String> markRead = post("/api/notifications/" + id + "/read", tokenOfB);

        // Then B sees nothing, gets 404, and A's notification stays unread
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("items")).isEmpty();
        assertThat(markRead.statusCode()).isEqualTo(404);
        assertThat(markRead.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(feed(businessA, "").get("items").get(0).get("readAt").isNull()).isTrue();
    }

    @Test
    void markingReadRemovesItFromTheUnreadFilterOnce() throws Exception {
        // Given two unread notifications
        UUID business = UUID.randomUUID();
        InboundMessages.publish(InboundMessages.instagramDm(business, "one"));
        InboundMessages.publish(InboundMessages.instagramDm(business, "two"));
        JsonNode feed = awaitFeed(business, 2);
        String readId = feed.get("items").get(1).get("id").asString();
        String token = TestTokens.ownerOf(business);

        // When one is marked read, twice
        HttpResponse<String> first = post("/api/notifications/" + readId + "/read", token);
        HttpResponse<String> second = post("/api/notifications/" + readId + "/read", token);

        // Then it carries its first read time, and only the other one is unread
        assertThat(first.statusCode()).isEqualTo(200);
        String readAt = JSON.readTree(first.body()).get("readAt").asString();
        assertThat(readAt).isNotBlank();
        assertThat(JSON.readTree(second.body()).get("readAt").asString()).isEqualTo(readAt);
        JsonNode unread = feed(business, "?unread=true");
        assertThat(ids(unread)).containsExactly(feed.get("items").get(0).get("id").asString());
        assertThat(unread.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(ids(feed(business, ""))).hasSize(2);
    }

    @Test
    void pagesThroughTheFeedWithLimitAndPage() throws Exception {
        UUID business = UUID.randomUUID();
        for (String text : List.of("a", "b", "c")) {
            InboundMessages.publish(InboundMessages.instagramDm(business, text));
        }
        List<String> all = ids(awaitFeed(business, 3));

        JsonNode page0 = feed(business, "?limit=2&page=0");
        JsonNode page1 = feed(business, "?limit=2&page=1");

        assertThat(ids(page0)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(page0.get("hasMore").asBoolean()).isTrue();
        assertThat(ids(page1)).containsExactly(all.get(2));
        assertThat(page1.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void limitAbove100OrNegativePageIsABadRequestNamingTheFields() throws Exception {
        HttpResponse<String> response = get("/api/notifications?limit=101&page=-1",
                TestTokens.ownerOf(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.has("limit")).isTrue();
        assertThat(errors.has("page")).isTrue();
    }

    @Test
    void withoutATokenTheFeedIsUnauthorized() throws Exception {
        assertThat(get("/api/notifications", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/notifications/" + UUID.randomUUID() + "/read", null).statusCode()).isEqualTo(401);
    }

    private JsonNode awaitFeed(UUID business, int size) throws IOException, InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(business, "").get("items").size() == size);
        return feed(business, "");
    }

    private JsonNode feed(UUID business, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/notifications" + query, TestTokens.ownerOf(business));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode feed) {
        return feed.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
