package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.events.ingest.UnroutableWebhookIdentifier;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaWebhookIntegrationTest {

    static final String SECRET = "it-app-secret-3f9c";
    static final String VERIFY_TOKEN = "it-verify-token-71ab";
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();
    private static final String UNROUTABLE = Topics.INGEST_UNROUTABLE.name();
    private static final int FOUR_MIB = 4 * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MetaWebhookClient meta;
    final UUID business = UUID.randomUUID();
    final String igAccount = "1784" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

    @BeforeAll
    void connectTheBusinessesInstagramAccount() {
        meta = new MetaWebhookClient(port);
        connect(ChannelEvents.connected(business, "INSTAGRAM", igAccount));
    }

    // --- handshake

    @Test
    void handshakeWithTheVerifyTokenEchoesTheChallenge() {
        HttpResponse<String> response = meta.handshake("subscribe", VERIFY_TOKEN, "1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void handshakeWithAWrongVerifyTokenIsForbidden() {
        assertThat(meta.handshake("subscribe", "not-the-token", "1158201444").statusCode()).isEqualTo(403);
        assertThat(meta.handshake("subscribe", VERIFY_TOKEN.substring(1), "1158201444").statusCode()).isEqualTo(403);
        assertThat(meta.handshake("subscribe", null, "1158201444").statusCode()).isEqualTo(403);
        assertThat(meta.handshake("unsubscribe", VERIFY_TOKEN, "1158201444").statusCode()).isEqualTo(403);

        assertThat(meta.handshake("subscribe", VERIFY_TOKEN, "42").body()).isEqualTo("42");
    }

    // --- accepted webhooks

    @Test
    void signedDmForAConnectedChannelIsPublishedAsInboundMessageReceived() {
        String mid = mid();
        String sender = "IGSID-" + UUID.randomUUID();
        String text = "Is the linen shirt available? https://shop.example/linen \u00e4\u00f6\u00e5 \u20ac";
        MetaWebhooks.Signed webhook = MetaWebhooks.signedInstagramDm(SECRET, igAccount, sender, mid, text);
        assertThat(webhook.json()).contains("\\/", "\\u00e4", "\\u20ac").doesNotContain("ä");

        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            Instant before = Instant.now();
            HttpResponse<String> response = meta.post(webhook);

            assertThat(response.statusCode()).isEqualTo(200);
            ConsumerRecord<String, Object> record = inbound.await(r -> hasMid(r, mid));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(igAccount + ":" + sender);
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(event.getChannelType()).isEqualTo("INSTAGRAM");
            assertThat(event.getChannelExternalId()).isEqualTo(igAccount);
            assertThat(event.getSenderExternalId()).isEqualTo(sender);
            assertThat(event.getExternalMessageId()).isEqualTo(mid);
            assertThat(event.getText()).isEqualTo(text);
            assertThat(event.getSentAt()).isEqualTo(Instant.ofEpochMilli(1569262485349L));
            assertThat(event.getOccurredAt()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(event.getCorrelationId()).isEqualTo(event.getEventId().toString());
            assertThat(event.getCausationId()).isNull();
            assertThat(event.getSenderName()).isNull();
            assertThat(TopicProbe.header(record, "eventId")).contains(event.getEventId().toString());
            assertThat(TopicProbe.header(record, "eventType")).contains("InboundMessageReceived");
            assertThat(TopicProbe.header(record, "businessId")).contains(business.toString());
        }
    }

    @Test
    void batchedEntriesBecomeOneEventEach() {
        String sender = "IGSID-" + UUID.randomUUID();
        List<String> mids = List.of(mid(), mid(), mid());
        String body = MetaWebhooks.instagramBatch(mids.stream()
                .map(mid -> new MetaWebhooks.Dm(igAccount, sender, mid, "text of " + mid)).toList());

        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            assertThat(meta.post(MetaWebhooks.signed(SECRET, body)).statusCode()).isEqualTo(200);

            mids.forEach(mid -> inbound.await(r -> hasMid(r, mid)));
            assertThat(inbound.values(InboundMessageReceived.class))
                    .extracting(InboundMessageReceived::getExternalMessageId, InboundMessageReceived::getText)
                    .containsExactlyInAnyOrderElementsOf(mids.stream()
                            .map(mid -> org.assertj.core.groups.Tuple.tuple(mid, "text of " + mid)).toList());
        }
    }

    @Test
    void echoesAndReadReceiptsArePublishedAsNothing() {
        assertNothingPublishedBy(() -> meta.post(MetaWebhooks.signed(SECRET,
                MetaWebhooks.instagramEcho(igAccount, "IGSID-customer", mid(), "our own reply"))), 200);
        assertNothingPublishedBy(() -> meta.post(MetaWebhooks.signed(SECRET,
                MetaWebhooks.instagramRead(igAccount, "IGSID-customer", mid()))), 200);
    }

    @Test
    void unknownRecipientIsAcknowledgedAndReportedAsUnroutable() {
        String unknownAccount = "9999" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
        MetaWebhooks.Signed webhook = MetaWebhooks.signedInstagramDm(SECRET, unknownAccount, "IGSID-x", mid(),
                "hello nobody");

        try (TopicProbe unroutable = TopicProbe.from(UNROUTABLE)) {
            assertThat(meta.post(webhook).statusCode()).isEqualTo(200);

            ConsumerRecord<String, Object> record = unroutable.await(r -> r.value() instanceof UnroutableWebhook u
                    && u.getIdentifiers().stream().anyMatch(id -> id.getValue().equals(unknownAccount)));
            UnroutableWebhook event = (UnroutableWebhook) record.value();
            String sha256 = InboundEvents.sha256Hex(webhook.body());
            assertThat(event.getBusinessId()).isEqualTo(EventMetadata.NO_BUSINESS);
            assertThat(event.getSource()).isEqualTo("META");
            assertThat(event.getReason()).isEqualTo("UNKNOWN_CHANNEL");
            assertThat(event.getObjectType()).isEqualTo("instagram");
            assertThat(event.getIdentifiers()).extracting(UnroutableWebhookIdentifier::getName,
                    UnroutableWebhookIdentifier::getValue).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("recipient.id", unknownAccount));
            assertThat(event.getPayloadSizeBytes()).isEqualTo(webhook.body().length);
            assertThat(event.getPayloadSha256()).isEqualTo(sha256);
            assertThat(record.key()).isEqualTo(sha256);
            assertThat(TopicProbe.header(record, "businessId")).contains(EventMetadata.NO_BUSINESS.toString());
            assertThat(event.toString()).doesNotContain("hello nobody", SECRET);
        }
        assertNextValidRequestSucceeds();
    }

    @Test
    void messengerDmForAConnectedPageIsPublished() {
        UUID pageOwner = UUID.randomUUID();
        String pageId = "1055" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        connect(ChannelEvents.connected(pageOwner, "MESSENGER", pageId));
        String mid = mid();

        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            HttpResponse<String> response = meta.post(MetaWebhooks.signed(SECRET,
                    MetaWebhooks.messengerDm(pageId, "PSID-1", mid, "hello, world!")));

            assertThat(response.statusCode()).isEqualTo(200);
            ConsumerRecord<String, Object> record = inbound.await(r -> hasMid(r, mid));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(pageId + ":PSID-1");
            assertThat(event.getBusinessId()).isEqualTo(pageOwner);
            assertThat(event.getChannelType()).isEqualTo("MESSENGER");
            assertThat(event.getText()).isEqualTo("hello, world!");
        }
    }

    @Test
    void whatsappTextIsRoutedByItsDisplayNumberWhenThePhoneNumberIdIsUnknown() {
        UUID numberOwner = UUID.randomUUID();
        String phoneNumberId = "1065" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String display = "1555" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L);
        connect(ChannelEvents.connected(numberOwner, UUID.randomUUID(), "WHATSAPP", phoneNumberId, "WABA-" + display,
                "+" + display, Instant.now()));
        String wamid = "wamid.HBgL" + UUID.randomUUID();

        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            // Meta names the number by another phone_number_id (re-registered), but its display number matches.
            HttpResponse<String> response = meta.post(MetaWebhooks.signed(SECRET, MetaWebhooks.whatsappText(
                    "WABA-other", "999" + phoneNumberId, display, "16505551234", "Ad\u00e4", wamid, "Hallo")));

            assertThat(response.statusCode()).isEqualTo(200);
            ConsumerRecord<String, Object> record = inbound.await(r -> hasMid(r, wamid));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(phoneNumberId + ":16505551234");
            assertThat(event.getBusinessId()).isEqualTo(numberOwner);
            assertThat(event.getChannelType()).isEqualTo("WHATSAPP");
            assertThat(event.getChannelExternalId()).isEqualTo(phoneNumberId);
            assertThat(event.getSenderExternalId()).isEqualTo("16505551234");
            assertThat(event.getSenderName()).isEqualTo("Ad\u00e4");
            assertThat(event.getText()).isEqualTo("Hallo");
            assertThat(event.getSentAt()).isEqualTo(Instant.ofEpochSecond(1739321024L));
        }
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        String mid = mid();
        String dm = MetaWebhooks.instagramBatch(List.of(new MetaWebhooks.Dm(igAccount, "IGSID-big", mid, "big")));
        String body = dm + " ".repeat(FOUR_MIB - dm.length());

        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            assertThat(meta.post(MetaWebhooks.signed(SECRET, body)).statusCode()).isEqualTo(200);
            inbound.await(r -> hasMid(r, mid));
        }
    }

    // --- bad input: clear error, nothing published, the next valid request still succeeds

    @Test
    void missingSignatureIsUnauthorized() {
        MetaWebhooks.Signed webhook = dmToTheConnectedAccount();
        assertNothingPublishedBy(() -> meta.post(webhook.body(), null), 401);
    }

    @Test
    void wrongSignatureIsUnauthorized() {
        MetaWebhooks.Signed webhook = dmToTheConnectedAccount();
        String otherSecret = MetaWebhooks.signature("another-apps-secret", webhook.body());
        assertNothingPublishedBy(() -> meta.post(webhook.body(), otherSecret), 401);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), "sha256=" + "0".repeat(64)), 401);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), webhook.signature().replace("sha256=", "sha1=")), 401);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), webhook.signature().replace("sha256=", "")), 401);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), webhook.signature() + "zz"), 401);
    }

    @Test
    void truncatedSignatureIsUnauthorized() {
        MetaWebhooks.Signed webhook = dmToTheConnectedAccount();
        String truncated = webhook.signature().substring(0, webhook.signature().length() - 2);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), truncated), 401);
        assertNothingPublishedBy(() -> meta.post(webhook.body(), "sha256="), 401);
    }

    @Test
    void signatureOfABodyThatWasReserialisedIsUnauthorized() {
        // Same JSON, different bytes: what a framework that parsed and re-encoded the body would verify.
        MetaWebhooks.Signed webhook = MetaWebhooks.signedInstagramDm(SECRET, igAccount, "IGSID-re", mid(),
                "Gr\u00fc\u00dfe from https://shop.example/");
        byte[] reserialised = JsonMapper.shared().writeValueAsBytes(JsonMapper.shared().readTree(webhook.body()));
        assertThat(reserialised).isNotEqualTo(webhook.body());
        assertThat(JsonMapper.shared().readTree(reserialised)).isEqualTo(JsonMapper.shared().readTree(webhook.body()));

        assertNothingPublishedBy(() -> meta.post(reserialised, webhook.signature()), 401);
    }

    @Test
    void bodyTamperedAfterSigningIsUnauthorized() {
        MetaWebhooks.Signed webhook = dmToTheConnectedAccount();
        byte[] tampered = webhook.json().replace(igAccount, igAccount + "0").getBytes(StandardCharsets.UTF_8);
        assertNothingPublishedBy(() -> meta.post(tampered, webhook.signature()), 401);
    }

    @Test
    void validSignatureOverInvalidJsonIsABadRequest() {
        for (String body : List.of("{\"object\":\"instagram\",\"entry\":[", "not json", "",
                "{\"object\":\"instagram\",\"entry\":[]} trailing", "[1,2]", "{\"object\":\"instagram\"}")) {
            MetaWebhooks.Signed signed = MetaWebhooks.signed(SECRET, body);
            assertNothingPublishedBy(() -> meta.post(signed), 400);
        }
    }

    @Test
    void bodyDeclaredOverFourMebibytesIsRefusedBeforeItIsRead() throws Exception {
        try (TopicProbe inbound = TopicProbe.from(INBOUND); TopicProbe unroutable = TopicProbe.from(UNROUTABLE)) {
            assertThat(meta.statusLineForDeclaredLength(FOUR_MIB + 1L)).isEqualTo("HTTP/1.1 413 ");
            assertOnlyTheMarkerArrives(inbound, unroutable);
        }
    }

    @Test
    void chunkedBodyOverFourMebibytesIsRefusedWhileReading() {
        String dm = MetaWebhooks.instagramBatch(List.of(new MetaWebhooks.Dm(igAccount, "IGSID-huge", mid(), "huge")));
        byte[] body = (dm + " ".repeat(FOUR_MIB + 1 - dm.length())).getBytes(StandardCharsets.UTF_8);
        String signature = MetaWebhooks.signature(SECRET, body);

        assertNothingPublishedBy(() -> meta.postChunked(body, signature), 413);
    }

    @Test
    void bodyOverFourMebibytesWithContentLengthIsRefused() {
        byte[] body = new byte[FOUR_MIB + 1];
        Arrays.fill(body, (byte) ' ');
        assertNothingPublishedBy(() -> meta.post(body, MetaWebhooks.signature(SECRET, body)), 413);
    }

    // --- helpers

    private void assertNothingPublishedBy(Supplier<HttpResponse<String>> badRequest, int expectedStatus) {
        try (TopicProbe inbound = TopicProbe.from(INBOUND); TopicProbe unroutable = TopicProbe.from(UNROUTABLE)) {
            HttpResponse<String> response = badRequest.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            if (expectedStatus != 200) {
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).doesNotContain(SECRET);
            }
            assertOnlyTheMarkerArrives(inbound, unroutable);
        }
    }

    /** A later valid DM (the next request still succeeds) bounds the wait: nothing before it arrived. */
    private void assertOnlyTheMarkerArrives(TopicProbe inbound, TopicProbe unroutable) {
        String marker = assertNextValidRequestSucceedsOn(inbound);
        assertThat(inbound.values(InboundMessageReceived.class))
                .extracting(InboundMessageReceived::getExternalMessageId).containsExactly(marker);
        assertThat(unroutable.all()).isEmpty();
    }

    private void assertNextValidRequestSucceeds() {
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            assertNextValidRequestSucceedsOn(inbound);
        }
    }

    private String assertNextValidRequestSucceedsOn(TopicProbe inbound) {
        String marker = mid();
        HttpResponse<String> response = meta.post(MetaWebhooks.signedInstagramDm(SECRET, igAccount, "IGSID-marker",
                marker, "marker"));
        assertThat(response.statusCode()).isEqualTo(200);
        inbound.await(r -> hasMid(r, marker));
        return marker;
    }

    private MetaWebhooks.Signed dmToTheConnectedAccount() {
        return MetaWebhooks.signedInstagramDm(SECRET, igAccount, "IGSID-" + UUID.randomUUID(), mid(), "hi");
    }

    private void connect(ChannelConnected connected) {
        ChannelEvents.connectAndAwaitRoute(jdbc, connected);
    }

    private static boolean hasMid(ConsumerRecord<String, Object> record, String mid) {
        return record.value() instanceof InboundMessageReceived event && event.getExternalMessageId().equals(mid);
    }

    private static String mid() {
        return "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + UUID.randomUUID().toString().replace("-", "");
    }
}
