package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundAttachment;
import com.sellavie.events.ingest.InboundInteractiveReply;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.InboundReaction;
import com.sellavie.events.ingest.InboundStoryReply;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.List;
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
 * Issue 8 items 5 and 6 through the whole service: signed webhooks with attachments, story replies,
 * reactions and WhatsApp interactive replies become rich InboundMessageReceived events; statuses become
 * MessageStatusChanged on {@code ingest.delivery-statuses}, keyed by the conversation.
 */
// The same configuration as the other webhook tests, so they all share one application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaContentAndStatusIntegrationTest {

    static final String SECRET = MetaWebhookIntegrationTest.SECRET;
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();
    private static final String STATUSES = Topics.INGEST_DELIVERY_STATUSES.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MetaWebhookClient meta;
    final UUID business = UUID.randomUUID();
    final String igAccount = "1784" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    final String pageId = "1055" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    final String phoneNumberId = "1065" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

    @BeforeAll
    void connectTheBusinessesChannels() {
        meta = new MetaWebhookClient(port);
        connect(ChannelEvents.connected(business, "INSTAGRAM", igAccount));
        connect(ChannelEvents.connected(business, "MESSENGER", pageId));
        connect(ChannelEvents.connected(business, UUID.randomUUID(), "WHATSAPP", phoneNumberId, "WABA-1",
                "+15550783881", Instant.now()));
    }

    @Test
    void instagramStoryReplyWithAnImageCarriesBoth() {
        String mid = mid();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.instagramMessage(igAccount, "IGSID-story", "{\"mid\":\"" + mid + "\",\"text\":\"Is this"
                    + " still available?\",\"reply_to\":{\"story\":{\"url\":\"https:\\/\\/lookaside.fbsbx.com\\/s1\","
                    + "\"id\":\"17887000\"}},\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":"
                    + "\"https:\\/\\/lookaside.fbsbx.com\\/i1\"}}]}"));

            InboundMessageReceived event = (InboundMessageReceived) inbound.await(r -> hasMid(r, mid)).value();
            assertThat(event.getText()).isEqualTo("Is this still available?");
            assertThat(event.getAttachments())
                    .containsExactly(new InboundAttachment("image", "https://lookaside.fbsbx.com/i1", null, null));
            assertThat(event.getReplyToStory())
                    .isEqualTo(new InboundStoryReply("17887000", "https://lookaside.fbsbx.com/s1"));
            assertThat(event.getReaction()).isNull();
        }
    }

    @Test
    void instagramReactionIsPublishedAsAReactionToTheMessage() {
        String target = mid();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.reaction("instagram", igAccount, "IGSID-react", target, "react", "\u2764"));

            ConsumerRecord<String, Object> record = inbound.await(r -> r.value() instanceof InboundMessageReceived e
                    && e.getReaction() != null && e.getReaction().getTargetMessageId().equals(target));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(igAccount + ":IGSID-react");
            assertThat(event.getReaction()).isEqualTo(new InboundReaction("REACT", "\u2764", target));
            assertThat(event.getExternalMessageId()).isEqualTo("reaction:" + target + ":IGSID-react:1569262485349");
            assertThat(event.getText()).isNull();
        }
    }

    @Test
    void whatsappButtonReplyAndImageArePublishedWithTheirChoiceAndMediaId() {
        String button = "wamid.B" + UUID.randomUUID();
        String image = "wamid.I" + UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.whatsappMessage("WABA-1", phoneNumberId, "15550783881", "16505551234", "Ada",
                    MetaWebhooks.whatsappTyped("16505551234", button, "interactive", "{\"type\":\"button_reply\","
                            + "\"button_reply\":{\"id\":\"size-m\",\"title\":\"Size M\"}}") + ","
                            + MetaWebhooks.whatsappTyped("16505551234", image, "image", "{\"caption\":\"This one\","
                            + "\"mime_type\":\"image\\/jpeg\",\"sha256\":\"h\",\"id\":\"1477\"}")));

            InboundMessageReceived choice = (InboundMessageReceived) inbound.await(r -> hasMid(r, button)).value();
            InboundMessageReceived media = (InboundMessageReceived) inbound.await(r -> hasMid(r, image)).value();
            assertThat(choice.getInteractive()).isEqualTo(new InboundInteractiveReply("button_reply", "size-m", "Size M"));
            assertThat(media.getAttachments()).containsExactly(new InboundAttachment("image", null, "1477", "This one"));
            assertThat(media.getSenderName()).isEqualTo("Ada");
        }
    }

    @Test
    void whatsappFailedStatusIsPublishedWithMetasErrorKeyedByTheConversation() {
        String wamid = "wamid.OUT" + UUID.randomUUID();
        try (TopicProbe statuses = TopicProbe.from(STATUSES); TopicProbe inbound = TopicProbe.from(INBOUND)) {
            post(MetaWebhooks.whatsappStatus("WABA-1", phoneNumberId, "15550783881", "16505551234", wamid, "failed",
                    "1750030073"));

            ConsumerRecord<String, Object> record = statuses.await(r -> r.value() instanceof MessageStatusChanged s
                    && s.getExternalMessageIds().contains(wamid));
            MessageStatusChanged event = (MessageStatusChanged) record.value();
            assertThat(record.key()).isEqualTo(phoneNumberId + ":16505551234");
            assertThat(TopicProbe.header(record, "eventType")).contains("MessageStatusChanged");
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(event.getStatus()).isEqualTo("FAILED");
            assertThat(event.getErrorCode()).isEqualTo("131047");
            assertThat(event.getErrorTitle()).isEqualTo("Re-engagement message");
            assertThat(event.getStatusAt()).isEqualTo(Instant.ofEpochSecond(1750030073L));
            assertThat(inbound.all()).isEmpty();
        }
    }

    @Test
    void messengerDeliveryCarriesItsMidsAndWatermark() {
        String mid = mid();
        try (TopicProbe statuses = TopicProbe.from(STATUSES)) {
            post(MetaWebhooks.messengerDelivery(pageId, "PSID-9", List.of(mid), 1458668856253L));

            ConsumerRecord<String, Object> record = statuses.await(r -> r.value() instanceof MessageStatusChanged s
                    && s.getExternalMessageIds().contains(mid));
            MessageStatusChanged event = (MessageStatusChanged) record.value();
            assertThat(record.key()).isEqualTo(pageId + ":PSID-9");
            assertThat(event.getChannelType()).isEqualTo("MESSENGER");
            assertThat(event.getStatus()).isEqualTo("DELIVERED");
            assertThat(event.getWatermark()).isEqualTo(Instant.ofEpochMilli(1458668856253L));
        }
    }

    @Test
    void statusForAnUnknownChannelIsAcknowledgedAndNotPublished() {
        String unknownPage = "9999" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
        String marker = mid();
        try (TopicProbe statuses = TopicProbe.from(STATUSES);
                TopicProbe unroutable = TopicProbe.from(Topics.INGEST_UNROUTABLE.name())) {
            post(MetaWebhooks.messengerRead(unknownPage, "PSID-x", 1458668856253L));
            // A later status for a known page bounds the wait: nothing before it arrived.
            post(MetaWebhooks.messengerDelivery(pageId, "PSID-9", List.of(marker), 1458668856253L));

            statuses.await(r -> r.value() instanceof MessageStatusChanged s && s.getExternalMessageIds().contains(marker));
            assertThat(statuses.values(MessageStatusChanged.class)).extracting(MessageStatusChanged::getChannelExternalId)
                    .containsExactly(pageId);
            assertThat(unroutable.all()).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unroutable_messages WHERE recipient_id = ?",
                Integer.class, unknownPage)).isZero();
    }

    private void post(String json) {
        assertThat(meta.post(MetaWebhooks.signed(SECRET, json)).statusCode()).isEqualTo(200);
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
