package com.sellavie.platform.operations;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestRecords;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ops/relay-dead-letters of a service on the platform's defaults: its outbox relay, real PostgreSQL and
 * the real broker. Dead letters are written as the relay writes them when Kafka refuses a record for good.
 * (Same context as {@link DeadLetterOperationsIntegrationTest}: same properties.)
 */
@IntegrationTest
@SpringBootTest(classes = OpsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=ops-it", "sellavie.ops.token=" + DeadLetterOperationsIntegrationTest.TOKEN})
class RelayDeadLetterOperationsIntegrationTest {

    private static final String TOKEN = DeadLetterOperationsIntegrationTest.TOKEN;
    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    OpsHttp http;
    JdbcTemplate jdbc;

    @BeforeEach
    void client() {
        http = new OpsHttp(port);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM relay_dead_letters");
    }

    @Test
    void anOperatorSeesARefusedEventWithoutItsPayloadAndReplaysItOnceTheCauseIsFixed() {
        // Given an event Kafka refused for good (as the relay records it), with secret-looking text in its payload
        String topic = "ops-it.relay-" + UUID.randomUUID();
        String text = "customer-text-" + UUID.randomUUID();
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, text);
        long id = deadLetter(event.getEventId(), topic, "conversation-1", TestRecords.encode(topic, event),
                "RecordTooLargeException: The message is 1048700 bytes when serialized");

        // When the operator lists the relay's dead letters
        JsonNode listing = json(http.get("/ops/relay-dead-letters", TOKEN), 200);

        // Then it shows with its reason, topic, key, type and size, never its bytes
        assertThat(listing.get("service").asString()).isEqualTo("ops-it");
        assertThat(listing.get("total").asInt()).isEqualTo(1);
        JsonNode dead = listing.get("deadLetters").get(0);
        assertThat(dead.get("id").asLong()).isEqualTo(id);
        assertThat(dead.get("eventId").asString()).isEqualTo(event.getEventId().toString());
        assertThat(dead.get("topic").asString()).isEqualTo(topic);
        assertThat(dead.get("key").asString()).isEqualTo("conversation-1");
        assertThat(dead.get("eventType").asString()).isEqualTo("InboundMessageReceived");
        assertThat(dead.get("payloadBytes").asInt()).isPositive();
        assertThat(dead.get("reason").asString()).startsWith("RecordTooLargeException");
        assertThat(listing.toString()).doesNotContain(text);

        // When the operator replays it
        JsonNode replay = json(http.post("/ops/relay-dead-letters/" + id + "/replay", TOKEN), 200);

        // Then the relay streams it to its topic with its own event id, and the list is empty
        assertThat(replay.get("replayed").asInt()).isEqualTo(1);
        assertThat(replay.get("stayed").asInt()).isZero();
        ConsumerRecord<byte[], byte[]> record = TestRecords.awaitRecord(topic,
                r -> event.getEventId().toString().equals(TestRecords.header(r, "eventId")));
        assertThat(TestRecords.key(record)).isEqualTo("conversation-1");
        assertThat(TestRecords.header(record, TenantHeaders.BUSINESS_ID)).isEqualTo(BUSINESS_A.toString());
        assertThat(json(http.get("/ops/relay-dead-letters", TOKEN), 200).get("total").asInt()).isZero();
        // ... and replaying it again is a clear 404, not a second event
        HttpResponse<String> again = http.post("/ops/relay-dead-letters/" + id + "/replay", TOKEN);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("No relay dead letter " + id);
    }

    @Test
    void aDeadLetterWithNothingToReplayStaysAndReplayAllReportsIt() {
        // Given a change the relay could not read (no topic, key or payload) and one it can replay
        long unreadable = jdbc.queryForObject("INSERT INTO relay_dead_letters (reason) VALUES (?) RETURNING id",
                Long.class, "IllegalArgumentException: change without an outbox row");
        String topic = "ops-it.relay-" + UUID.randomUUID();
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, "replayable");
        deadLetter(event.getEventId(), topic, "conversation-2", TestRecords.encode(topic, event), "TopicMissing");

        // When the operator replays that one alone, then everything
        HttpResponse<String> one = http.post("/ops/relay-dead-letters/" + unreadable + "/replay", TOKEN);
        JsonNode all = json(http.post("/ops/relay-dead-letters/replay", TOKEN), 200);

        // Then the unreadable one is a 409 saying why and stays; the other one is replayed and arrives
        assertThat(one.statusCode()).isEqualTo(409);
        assertThat(one.body()).contains("cannot be replayed", "change without an outbox row");
        assertThat(all.get("replayed").asInt()).isEqualTo(1);
        assertThat(all.get("stayed").asInt()).isEqualTo(1);
        TestRecords.awaitRecord(topic, r -> event.getEventId().toString().equals(TestRecords.header(r, "eventId")));
        JsonNode listing = json(http.get("/ops/relay-dead-letters", TOKEN), 200);
        assertThat(listing.get("deadLetters")).singleElement()
                .satisfies(dead -> assertThat(dead.get("id").asLong()).isEqualTo(unreadable));
    }

    @Test
    void onlyTheOperatorTokenOpensTheRelayDeadLetters() {
        long id = deadLetter(UUID.randomUUID(), "ops-it.relay-auth", "k", new byte[] {1}, "RecordTooLargeException");
        String owner = TestTokens.ownerOf(BUSINESS_A);
        for (String wrong : new String[] {null, "", "not-the-token", owner}) {
            assertThat(http.get("/ops/relay-dead-letters", wrong).statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
            assertThat(http.post("/ops/relay-dead-letters/" + id + "/replay", wrong).statusCode()).isEqualTo(401);
            assertThat(http.post("/ops/relay-dead-letters/replay", wrong).statusCode()).isEqualTo(401);
        }
        // Nothing was replayed by the refused calls
        assertThat(jdbc.queryForObject("SELECT count(*) FROM relay_dead_letters WHERE id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private long deadLetter(UUID eventId, String topic, String key, byte[] payload, String reason) {
        return jdbc.queryForObject("""
                INSERT INTO relay_dead_letters (event_id, topic, key, headers, payload, reason)
                VALUES (?, ?, ?, ?::jsonb, ?, ?) RETURNING id""", Long.class, eventId, topic, key,
                "{\"eventType\":\"InboundMessageReceived\",\"businessId\":\"" + BUSINESS_A + "\"}", payload, reason);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
