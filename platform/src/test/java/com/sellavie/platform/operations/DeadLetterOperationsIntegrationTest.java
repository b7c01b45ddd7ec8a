package com.sellavie.platform.operations;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestRecords;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /ops/dead-letters of a service on the platform's defaults, against the real broker and registry. */
@IntegrationTest
@SpringBootTest(classes = OpsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=ops-it", "sellavie.ops.token=" + DeadLetterOperationsIntegrationTest.TOKEN})
class DeadLetterOperationsIntegrationTest {

    static final String TOKEN = "ops-it-token-5b1e0c7f2a9d4e61";
    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    OpsTestService.Listeners listeners;

    OpsHttp http;

    @BeforeEach
    void client() {
        http = new OpsHttp(port);
    }

    @Test
    void listShowsADeadLetteredRecordWithItsReasonButNotItsPayload() {
        // Given an event its handler refuses, published as the relay publishes (event headers set)
        String text = "payload-text-" + UUID.randomUUID();
        InboundMessageReceived event = publish(OpsTestService.LISTING_TOPIC, text);
        TestRecords.awaitRecord(OpsTestService.LISTING_TOPIC + ".dlt", r -> text.equals(TestRecords.key(r)));

        // When the operator lists the service's dead letters, then that topic's
        JsonNode overview = json(http.get("/ops/dead-letters", TOKEN), 200);
        JsonNode listing = json(http.get("/ops/dead-letters/" + OpsTestService.LISTING_TOPIC, TOKEN), 200);

        // Then the topic shows with its count, and the record with where it came from and why it failed
        JsonNode topic = find(overview.get("deadLetterTopics"), "topic", OpsTestService.LISTING_TOPIC);
        assertThat(topic.get("deadLetterTopic").asString()).isEqualTo(OpsTestService.LISTING_TOPIC + ".dlt");
        assertThat(topic.get("records").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(topic.get("consumerGroups").toString()).contains("ops-it-listing");
        assertThat(overview.get("service").asString()).isEqualTo("ops-it");
        JsonNode dead = find(listing.get("deadLetters"), "eventId", event.getEventId().toString());
        assertThat(dead.get("key").asString()).isEqualTo(text);
        assertThat(dead.get("eventType").asString()).isEqualTo("InboundMessageReceived");
        assertThat(dead.get("businessId").asString()).isEqualTo(BUSINESS_A.toString());
        assertThat(dead.get("originalTopic").asString()).isEqualTo(OpsTestService.LISTING_TOPIC);
        assertThat(dead.get("consumerGroup").asString()).isEqualTo("ops-it-listing");
        assertThat(dead.get("causeClass").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(dead.get("exceptionMessage").asString()).contains("refused event " + event.getEventId());
        assertThat(dead.get("pending").asBoolean()).isTrue();
        assertThat(dead.has("timestamp")).isTrue();
        assertThat(dead.has("partition")).isTrue();
        assertThat(dead.has("offset")).isTrue();
        // The key is the text here, so look for the text anywhere but the key: the payload is never shown.
        assertThat(listing.toString().replace("\"key\":\"" + text + "\"", "")).doesNotContain(text);
    }

    @Test
    void replayWithSinceSendsOnlyNewerDeadLettersAndSkipsOlderOnes() {
        // Given one dead letter, an instant after it, and a newer dead letter
        listeners.broken.set(true);
        String older = "older-" + UUID.randomUUID();
        String newer = "newer-" + UUID.randomUUID();
        publish(OpsTestService.REPLAY_TOPIC, older);
        ConsumerRecord<byte[], byte[]> olderDead = TestRecords.awaitRecord(OpsTestService.REPLAY_TOPIC + ".dlt",
                r -> older.equals(TestRecords.key(r)));
        Instant since = Instant.ofEpochMilli(olderDead.timestamp() + 1);
        publish(OpsTestService.REPLAY_TOPIC, newer);
        TestRecords.awaitRecord(OpsTestService.REPLAY_TOPIC + ".dlt", r -> newer.equals(TestRecords.key(r)));

        // When the handler is fixed and the operator replays since that instant
        listeners.broken.set(false);
        JsonNode replay = json(http.post("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + "/replay?since=" + since,
                TOKEN), 200);

        // Then only the newer one is replayed and handled; the older one is skipped, listed as not pending
        assertThat(replay.get("replayed").asInt()).isEqualTo(1);
        assertThat(replay.get("skipped").asInt()).isEqualTo(1);
        assertThat(replay.get("since").asString()).isEqualTo(since.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.handled.contains(newer));
        ConsumerRecord<byte[], byte[]> replayed = TestRecords.awaitRecord(OpsTestService.REPLAY_TOPIC,
                r -> r.headers().lastHeader(DeadLetterReplayer.REPLAYED_FROM_HEADER) != null);
        assertThat(TestRecords.key(replayed)).isEqualTo(newer);
        assertThat(listeners.handled).doesNotContain(older);
        JsonNode listing = json(http.get("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + ".dlt", TOKEN), 200);
        assertThat(find(listing.get("deadLetters"), "key", older).get("pending").asBoolean()).isFalse();
        assertThat(listing.get("pending").asLong()).isZero();
        // And a second replay has nothing left
        assertThat(json(http.post("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + "/replay", TOKEN), 200)
                .get("replayed").asInt()).isZero();
    }

    @Test
    void withoutOrWithAWrongTokenTheOperatorEndpointsAnswer401() {
        for (String wrong : new String[] {null, "", "not-the-token", TOKEN + "x", TOKEN.substring(1)}) {
            HttpResponse<String> list = http.get("/ops/dead-letters", wrong);
            HttpResponse<String> replay = http.post("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + "/replay",
                    wrong);

            for (HttpResponse<String> response : java.util.List.of(list, replay)) {
                assertThat(response.statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(response.body()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void aMerchantsAccessTokenEvenAnOwnersIsRefused() {
        String owner = TestTokens.ownerOf(BUSINESS_A);
        String admin = TestTokens.accessToken(BUSINESS_A, UUID.randomUUID(), "ADMIN");

        // The tokens are valid for the merchant's API...
        HttpResponse<String> api = http.get("/api/whoami", owner);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).isEqualTo(BUSINESS_A.toString());
        // ...and open nothing under /ops: an operator capability, not a tenant role
        assertThat(http.get("/ops/dead-letters", owner).statusCode()).isEqualTo(401);
        assertThat(http.get("/ops/dead-letters", admin).statusCode()).isEqualTo(401);
        assertThat(http.post("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + "/replay", owner).statusCode())
                .isEqualTo(401);
        // ...while the operator token opens nothing of the merchant's API
        assertThat(http.get("/api/whoami", TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void topicsThisServiceDoesNotConsumeAndBadSinceValuesAreClearErrors() {
        HttpResponse<String> other = http.get("/ops/dead-letters/conversation.replies", TOKEN);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("does not consume");

        HttpResponse<String> badSince = http.post("/ops/dead-letters/" + OpsTestService.LISTING_TOPIC
                + "/replay?since=yesterday", TOKEN);
        assertThat(badSince.statusCode()).isEqualTo(400);
        assertThat(badSince.body()).contains("ISO-8601");
        assertThat(http.get("/ops/dead-letters/" + OpsTestService.LISTING_TOPIC + "?limit=0", TOKEN).statusCode())
                .isEqualTo(400);
    }

    private static InboundMessageReceived publish(String topic, String text) {
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, text);
        TestRecords.publish(topic, text, TestRecords.encode(topic, event), TenantHeaders.BUSINESS_ID,
                BUSINESS_A.toString(), "eventId", event.getEventId().toString(), "eventType", "InboundMessageReceived");
        return event;
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.has(field) && value.equals(node.get(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + array);
    }
}
