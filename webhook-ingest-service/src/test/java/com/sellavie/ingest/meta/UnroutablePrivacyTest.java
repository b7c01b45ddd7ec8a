package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.platform.test.DatabaseTraces;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * identity.privacy-requests in webhook-ingest-service: a Meta user's erasure deletes the unroutable
 * webhooks that carry their id, once, and nobody else's. Same context as the other webhook tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
class UnroutablePrivacyTest {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String database;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void metaUserErasureDeletesTheirKeptWebhooksOnceAndNobodyElses() {
        // Given DMs from the user and from someone else to accounts no channel names yet
        MetaWebhookClient meta = new MetaWebhookClient(port);
        String account = "5550" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String user = "IGSID-" + UUID.randomUUID();
        String words = "my address is 3 Bode Thomas " + UUID.randomUUID();
        String others = "someone else " + UUID.randomUUID();
        String secret = MetaWebhookIntegrationTest.SECRET;
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(secret, account, user, mid(), words)).statusCode()).isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(secret, account, user, mid(), "again")).statusCode()).isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(secret, account, "IGSID-" + UUID.randomUUID(), mid(), others))
                .statusCode()).isEqualTo(200);
        assertThat(DatabaseTraces.find(database, user)).containsEntry("unroutable_messages", 2);

        // When identity relays Meta's data-deletion request for the user, delivered twice
        DataErasureRequested request = erasure(user);
        ChannelEvents.publish(Topics.IDENTITY_PRIVACY_REQUESTS.name(), EventMetadata.NO_BUSINESS.toString(), request);
        ChannelEvents.publish(Topics.IDENTITY_PRIVACY_REQUESTS.name(), EventMetadata.NO_BUSINESS.toString(), request);

        // Then one DONE answer, and the user's words are nowhere while the other sender's message is kept
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> answers(request.getRequestId()) >= 1);
        assertThat(DatabaseTraces.find(database, user)).isEmpty();
        assertThat(DatabaseTraces.find(database, words)).isEmpty();
        assertThat(DatabaseTraces.find(database, others)).containsEntry("unroutable_messages", 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> answers(request.getRequestId()) == 1);
    }

    /** PrivacyTaskCompleted answers written for the request (the outbox keeps them for the relay). */
    private int answers(UUID requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_type = 'PrivacyTaskCompleted' "
                + "AND aggregate_id = ?", Integer.class, requestId.toString());
    }

    private static DataErasureRequested erasure(String metaUserId) {
        EventMetadata meta = EventMetadata.startOfJourney(EventMetadata.NO_BUSINESS, Instant.now());
        return DataErasureRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(EventMetadata.NO_BUSINESS).setCorrelationId(meta.correlationId())
                .setRequestId(UUID.randomUUID()).setScope("META_USER").setMetaUserId(metaUserId)
                .setSource("META_DATA_DELETION").build();
    }

    private static String mid() {
        return "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + UUID.randomUUID().toString().replace("-", "");
    }
}
