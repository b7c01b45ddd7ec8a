package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** With no app secret and no verify token the service starts, warns once, and rejects every webhook. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=", "sellavie.meta.verify-token="})
@IntegrationTest
class FailClosedMetaWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void emptySecretAndTokenRejectEveryWebhookAndPublishNothing(CapturedOutput output) {
        MetaWebhookClient meta = new MetaWebhookClient(port);
        UUID business = UUID.randomUUID();
        String igAccount = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        var connected = ChannelEvents.connected(business, "INSTAGRAM", igAccount);
        ChannelEvents.publish(connected.getChannelId().toString(), connected);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(business,
                () -> jdbc.queryForObject("SELECT count(*) FROM channel_routes", Integer.class)) == 1);

        try (TopicProbe inbound = TopicProbe.from(Topics.INGEST_INBOUND_MESSAGES.name());
                TopicProbe unroutable = TopicProbe.from(Topics.INGEST_UNROUTABLE.name())) {
            // Anyone can compute an HMAC with an empty key: it must not open the door.
            MetaWebhooks.Signed emptyKey = MetaWebhooks.signedInstagramDm("", igAccount, "IGSID-1", "mid-fc-1", "hi");
            assertThat(meta.post(emptyKey).statusCode()).isEqualTo(401);
            assertThat(meta.post(emptyKey.body(), null).statusCode()).isEqualTo(401);
            assertThat(meta.handshake("subscribe", "", "1158201444").statusCode()).isEqualTo(403);
            assertThat(meta.handshake("subscribe", "anything", "1158201444").statusCode()).isEqualTo(403);

            // Bound the wait with a marker the same relay publishes after the rejected requests.
            UnroutableWebhook marker = InboundEvents.unroutable("MARKER", "test", List.of(Map.entry("marker", "1")),
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), Instant.now());
            transaction.executeWithoutResult(status -> outbox.publish(marker, marker.getPayloadSha256()));
            unroutable.await(r -> r.value() instanceof UnroutableWebhook u && u.getEventId().equals(marker.getEventId()));

            assertThat(unroutable.values(UnroutableWebhook.class)).extracting(UnroutableWebhook::getEventId)
                    .containsExactly(marker.getEventId());
            assertThat(inbound.values(InboundMessageReceived.class)).isEmpty();
        }
        assertThat(output.getAll().split("Meta webhooks are DISABLED", -1)).hasSize(2);
        assertThat(output.getAll()).contains("app secret and verify token are empty");
    }
}
