package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundComment;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8 item 12 through the whole service: signed Instagram {@code comments} and Facebook Page
 * {@code feed} comment changes become InboundMessageReceived events carrying the comment, routed by the
 * account like a DM; the business's own comments and edits are acknowledged and not published; a
 * comment for an account not connected yet is kept and published when it connects.
 */
// The same configuration as the other webhook tests, so they all share one application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaCommentIntegrationTest {

    static final String SECRET = MetaWebhookIntegrationTest.SECRET;
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MetaWebhookClient meta;
    final UUID business = UUID.randomUUID();
    final String igAccount = newId("1784");
    final String pageId = newId("1055");

    @BeforeAll
    void connectTheBusinessesChannels() {
        meta = new MetaWebhookClient(port);
        connect(ChannelEvents.connected(business, "INSTAGRAM", igAccount));
        connect(ChannelEvents.connected(business, "MESSENGER", pageId));
    }

    @Test
    void instagramCommentIsPublishedWithItsMediaKeyedByTheCommentersConversation() {
        String commentId = newId("1785");
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.instagramComment(igAccount, "IGSID-c1", commentId, "How much?", "17895695668004550"));

            ConsumerRecord<String, Object> record = inbound.await(r -> hasId(r, commentId));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(igAccount + ":IGSID-c1");
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(event.getChannelType()).isEqualTo("INSTAGRAM");
            assertThat(event.getText()).isEqualTo("How much?");
            assertThat(event.getSentAt()).isEqualTo(Instant.ofEpochSecond(1732968000));
            assertThat(event.getComment()).isEqualTo(new InboundComment(commentId, "17895695668004550", null, "FEED"));
        }
    }

    @Test
    void facebookPageCommentIsPublishedWithItsPostAndTheCommentersName() {
        String commentId = pageId + "_post_" + newId("c");
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.pageComment(pageId, "USER-c2", "add", commentId, pageId + "_post", pageId + "_post",
                    "Still available?"));

            InboundMessageReceived event = (InboundMessageReceived) inbound.await(r -> hasId(r, commentId)).value();
            assertThat(event.getChannelType()).isEqualTo("MESSENGER");
            assertThat(event.getChannelExternalId()).isEqualTo(pageId);
            assertThat(event.getSenderExternalId()).isEqualTo("USER-c2");
            assertThat(event.getSenderName()).isEqualTo("Ada Buyer");
            assertThat(event.getComment()).isEqualTo(new InboundComment(commentId, pageId + "_post", null, null));
        }
    }

    @Test
    void theBusinesssOwnCommentsAndEditsAreAcknowledgedButNotPublished() {
        String own = newId("own");
        String edited = newId("edit");
        String marker = newId("marker");
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.pageComment(pageId, pageId, "add", own, "P", "P", "DM us!"));
            post(MetaWebhooks.pageComment(pageId, "USER-c3", "edited", edited, "P", "P", "typo"));
            post(MetaWebhooks.pageComment(pageId, "USER-c3", "add", marker, "P", "P", "marker"));

            // Same conversation key for the edit and the marker: the marker arriving means the edit was not sent.
            inbound.await(r -> hasId(r, marker));
            assertThat(inbound.values(InboundMessageReceived.class))
                    .extracting(InboundMessageReceived::getExternalMessageId)
                    .doesNotContain(own, edited);
        }
    }

    @Test
    void commentForAnAccountNotConnectedYetIsKeptAndPublishedWhenItConnects() {
        String account = newId("5551");
        String commentId = newId("1786");
        post(MetaWebhooks.instagramComment(account, "IGSID-c4", commentId, "Price?", "M1"));
        assertThat(kept(commentId)).isEqualTo(1);

        UUID owner = UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            ChannelConnected connected = ChannelEvents.connected(owner, "INSTAGRAM", account);
            ChannelEvents.publish(connected.getChannelId().toString(), connected);

            InboundMessageReceived event = (InboundMessageReceived) inbound.await(r -> hasId(r, commentId)).value();
            assertThat(event.getBusinessId()).isEqualTo(owner);
            assertThat(event.getComment().getCommentId()).isEqualTo(commentId);
            assertThat(event.getText()).isEqualTo("Price?");
        }
    }

    private void post(String json) {
        assertThat(meta.post(MetaWebhooks.signed(SECRET, json)).statusCode()).isEqualTo(200);
    }

    private void connect(ChannelConnected connected) {
        ChannelEvents.connectAndAwaitRoute(jdbc, connected);
    }

    private int kept(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM unroutable_messages WHERE external_message_id = ?",
                Integer.class, id);
    }

    private static boolean hasId(ConsumerRecord<String, Object> record, String id) {
        return record.value() instanceof InboundMessageReceived event && event.getExternalMessageId().equals(id);
    }

    private static String newId(String prefix) {
        return prefix + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }
}
