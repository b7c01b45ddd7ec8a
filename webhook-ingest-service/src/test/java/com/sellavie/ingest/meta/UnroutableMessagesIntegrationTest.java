package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.ingest.unroutable.UnroutableRetention;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.Topics;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6 point 8: a DM for a channel ingest does not know yet is kept, replayed once when the channel
 * connects (same mid), expires after the retention window, and is visible and replayable by an operator.
 * Same context as the other webhook tests; signed webhooks over real HTTP, real broker and registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
class UnroutableMessagesIntegrationTest {

    private static final String SECRET = MetaWebhookIntegrationTest.SECRET;
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();
    private static final String UNROUTABLE = Topics.INGEST_UNROUTABLE.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    UnroutableRetention retention;

    MetaWebhookClient meta;
    OpsClient ops;

    @BeforeEach
    void clients() {
        meta = new MetaWebhookClient(port);
        ops = new OpsClient(port);
    }

    @Test
    void dmToAnUnknownAccountIsKeptAndPublishedOnceWhenItsChannelConnects() {
        // Given two DMs to an account no channel names yet (the first one retried by Meta)
        String account = newAccountId();
        String sender = "IGSID-" + UUID.randomUUID();
        String first = mid();
        String second = mid();
        String text = "first words \u00e4 https://shop.example/x";
        MetaWebhooks.Signed dm = MetaWebhooks.signedInstagramDm(SECRET, account, sender, first, text);
        try (TopicProbe unroutable = TopicProbe.from(UNROUTABLE)) {
            assertThat(meta.post(dm).statusCode()).isEqualTo(200);
            assertThat(meta.post(dm).statusCode()).isEqualTo(200);
            assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, sender, second, "second"))
                    .statusCode()).isEqualTo(200);

            // Then each is reported as unroutable (as before, without its text) and kept once
            UnroutableWebhook event = (UnroutableWebhook) unroutable.await(r -> r.value() instanceof UnroutableWebhook u
                    && u.getIdentifiers().stream().anyMatch(id -> id.getValue().equals(account))).value();
            assertThat(event.toString()).doesNotContain(text);
        }
        assertThat(kept(first)).isEqualTo(1);
        assertThat(kept(second)).isEqualTo(1);

        // When the channel connects
        UUID business = UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            ChannelConnected connected = ChannelEvents.connected(business, "INSTAGRAM", account);
            ChannelEvents.publish(connected.getChannelId().toString(), connected);

            // Then both are published as InboundMessageReceived, in received order, with their original mids
            ConsumerRecord<String, Object> replayed = inbound.await(r -> hasMid(r, second));
            InboundMessageReceived firstEvent = (InboundMessageReceived) inbound.await(r -> hasMid(r, first)).value();
            assertThat(firstEvent.getBusinessId()).isEqualTo(business);
            assertThat(firstEvent.getChannelType()).isEqualTo("INSTAGRAM");
            assertThat(firstEvent.getChannelExternalId()).isEqualTo(account);
            assertThat(firstEvent.getSenderExternalId()).isEqualTo(sender);
            assertThat(firstEvent.getText()).isEqualTo(text);
            assertThat(firstEvent.getSentAt()).isEqualTo(Instant.ofEpochMilli(1569262485349L));
            assertThat(replayed.key()).isEqualTo(account + ":" + sender);
            // and the kept rows are gone
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kept(first) + kept(second) == 0);

            // And once only: a later DM of the same conversation (same partition) arrives after exactly one of each
            String marker = mid();
            assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, sender, marker, "marker"))
                    .statusCode()).isEqualTo(200);
            inbound.await(r -> hasMid(r, marker));
            assertThat(inbound.values(InboundMessageReceived.class)).extracting(InboundMessageReceived::getExternalMessageId)
                    .containsExactly(first, second, marker);
        }
    }

    @Test
    void whatsappDmIsReplayedToANumberThatConnectsUnderItsDisplayNumber() {
        String phoneNumberId = newAccountId();
        String display = "1555" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L);
        String wamid = "wamid.HBgL" + UUID.randomUUID();
        assertThat(meta.post(MetaWebhooks.signed(SECRET, MetaWebhooks.whatsappText("WABA-" + display, phoneNumberId,
                display, "16505550000", "Ada", wamid, "Hallo"))).statusCode()).isEqualTo(200);
        assertThat(kept(wamid)).isEqualTo(1);

        UUID business = UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            // The number connects under another phone_number_id, with the same display number
            ChannelConnected connected = ChannelEvents.connected(business, UUID.randomUUID(), "WHATSAPP",
                    "9" + phoneNumberId, null, "+" + display, Instant.now());
            ChannelEvents.publish(connected.getChannelId().toString(), connected);

            InboundMessageReceived event = (InboundMessageReceived) inbound.await(r -> hasMid(r, wamid)).value();
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(event.getChannelExternalId()).isEqualTo("9" + phoneNumberId);
            assertThat(event.getSenderName()).isEqualTo("Ada");
            assertThat(event.getText()).isEqualTo("Hallo");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kept(wamid) == 0);
    }

    @Test
    void aChannelStillConnectsWhenItsKeptMessagesCannotBeReplayedThenAndTheyWaitForAnOperator() {
        // Given a kept DM, and its table unavailable when the channel connects (a fault inside the replay)
        String account = newAccountId();
        String mid = mid();
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, "IGSID-fault", mid, "kept")).statusCode())
                .isEqualTo(200);
        UUID business = UUID.randomUUID();
        ChannelConnected connected = ChannelEvents.connected(business, "INSTAGRAM", account);
        // (DDL: as the owner role migrations run as; the service itself owns nothing)
        JdbcTemplate owner = owner();
        owner.execute("ALTER TABLE unroutable_messages RENAME TO unroutable_messages_away");
        try {
            ChannelEvents.publish(connected.getChannelId().toString(), connected);

            // Then the channel is routed all the same (only the replay was rolled back, to its savepoint)
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(business,
                    () -> jdbc.queryForObject("SELECT count(*) FROM channel_routes WHERE channel_id = ? AND active",
                            Integer.class, connected.getChannelId())) == 1);
        } finally {
            owner.execute("ALTER TABLE unroutable_messages_away RENAME TO unroutable_messages");
        }
        // And the DM is still kept, and published once an operator replays
        assertThat(kept(mid)).isEqualTo(1);
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            assertThat(json(ops.post("/ops/unroutable/replay", OpsClient.TOKEN), 200).get("replayed").asInt())
                    .isGreaterThanOrEqualTo(1);
            assertThat(((InboundMessageReceived) inbound.await(r -> hasMid(r, mid)).value()).getBusinessId())
                    .isEqualTo(business);
        }
        assertThat(kept(mid)).isZero();
    }

    @Test
    void keptMessagesOlderThanTheRetentionWindowAreDeleted() {
        String old = mid();
        String fresh = mid();
        String account = newAccountId();
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, "IGSID-old", old, "old")).statusCode())
                .isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, "IGSID-new", fresh, "new")).statusCode())
                .isEqualTo(200);
        jdbc.update("UPDATE unroutable_messages SET received_at = ? WHERE external_message_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(7)).minusSeconds(60)), old);

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(kept(old)).isZero();
        assertThat(kept(fresh)).isEqualTo(1);
    }

    @Test
    void operatorsListKeptMessagesWithoutTheirTextAndReplayWhatNowHasARoute() {
        // Given DMs kept for two accounts, whose routes then appear without a ChannelConnected replay
        // (as after a crash between the two, or a route written by hand)
        String account = newAccountId();
        String other = newAccountId();
        String mid = mid();
        String otherMid = mid();
        String text = "private words " + UUID.randomUUID();
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, account, "IGSID-ops", mid, text)).statusCode())
                .isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, other, "IGSID-ops2", otherMid, text)).statusCode())
                .isEqualTo(200);

        // When the operator lists them
        JsonNode listing = json(ops.get("/ops/unroutable", OpsClient.TOKEN), 200);

        // Then each shows with its identifiers and age, and no text
        JsonNode row = find(listing.get("messages"), "recipientId", account);
        assertThat(row.get("channelType").asString()).isEqualTo("INSTAGRAM");
        assertThat(row.has("receivedAt")).isTrue();
        assertThat(row.has("age")).isTrue();
        assertThat(listing.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(listing.toString()).doesNotContain(text, mid);

        // When routes appear and the operator replays one by id, then all
        UUID business = UUID.randomUUID();
        insertRoute(business, account);
        insertRoute(business, other);
        String id = row.get("id").asString();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            JsonNode one = json(ops.post("/ops/unroutable/replay?id=" + id, OpsClient.TOKEN), 200);
            assertThat(one.get("replayed").asInt()).isEqualTo(1);
            InboundMessageReceived event = (InboundMessageReceived) inbound.await(r -> hasMid(r, mid)).value();
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(kept(mid)).isZero();
            assertThat(kept(otherMid)).isEqualTo(1);

            JsonNode all = json(ops.post("/ops/unroutable/replay", OpsClient.TOKEN), 200);
            assertThat(all.get("replayed").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(all.has("stillUnroutable")).isTrue();
            inbound.await(r -> hasMid(r, otherMid));
            assertThat(kept(otherMid)).isZero();
        }
        // And an id that is not kept (any more) or not an id is a clear error
        assertThat(ops.post("/ops/unroutable/replay?id=" + id, OpsClient.TOKEN).statusCode()).isEqualTo(404);
        assertThat(ops.post("/ops/unroutable/replay?id=nope", OpsClient.TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void unroutableOpsNeedTheOperatorTokenNotAMerchantsToken() {
        String owner = TestTokens.ownerOf(UUID.randomUUID());
        for (String bearer : new String[] {null, "wrong-token-0123456789", OpsClient.TOKEN + "0", owner}) {
            for (HttpResponse<String> response : List.of(ops.get("/ops/unroutable", bearer),
                    ops.post("/ops/unroutable/replay", bearer))) {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).doesNotContain(OpsClient.TOKEN);
            }
        }
        // The platform's dead-letter endpoints are there too, for the topic ingest consumes
        JsonNode deadLetters = json(ops.get("/ops/dead-letters", OpsClient.TOKEN), 200);
        assertThat(deadLetters.toString()).contains(Topics.CONVERSATION_CHANNELS.name());
        // And webhooks stay public
        assertThat(meta.handshake("subscribe", MetaWebhookIntegrationTest.VERIFY_TOKEN, "7").statusCode())
                .isEqualTo(200);
    }

    private void insertRoute(UUID business, String account) {
        TenantContext.runAs(business, () -> jdbc.update("""
                INSERT INTO channel_routes (channel_id, business_id, channel_type, external_id, active, changed_at)
                VALUES (?, ?, 'INSTAGRAM', ?, true, now())""", UUID.randomUUID(), business, account));
    }

    private int kept(String mid) {
        return jdbc.queryForObject("SELECT count(*) FROM unroutable_messages WHERE external_message_id = ?",
                Integer.class, mid);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JsonMapper.shared().readTree(response.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.has(field) && value.equals(node.get(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + array);
    }

    private static boolean hasMid(ConsumerRecord<String, Object> record, String mid) {
        return record.value() instanceof InboundMessageReceived event && event.getExternalMessageId().equals(mid);
    }

    private static String newAccountId() {
        return "5550" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    private static String mid() {
        return "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The database's owner role, the one migrations run as. */
    private JdbcTemplate owner() {
        return new JdbcTemplate(new DriverManagerDataSource(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password")));
    }
}
