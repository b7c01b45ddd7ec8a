package com.sellavie.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.OutboundMessageFailed;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void declaresEveryTopicThatCarriesEventsToday() {
        assertThat(Topics.ALL).extracting(Topic::name).containsExactly(
                "ingest.inbound-messages", "ingest.unroutable", "ingest.payment-events", "ingest.delivery-statuses",
                "identity.businesses",
                "identity.members", "identity.account-emails", "identity.privacy-requests",
                "privacy.task-results",
                "conversation.channels", "conversation.messages", "conversation.reply-requests", "conversation.handoffs",
                "ai.replies", "ai.usage",
                "commerce.catalog", "commerce.orders", "messaging.outbound-requests");
    }

    @Test
    void compactsOnlyTheTopicsThatHoldLatestState() {
        assertThat(Topics.ALL.stream().filter(Topic::compacted).map(Topic::name))
                .containsExactlyInAnyOrder("identity.businesses", "conversation.channels", "commerce.catalog");
    }

    @Test
    void topicNamesAreOwnerDotStream() {
        assertThat(Topics.ALL).extracting(Topic::name)
                .allSatisfy(name -> assertThat(name).matches("[a-z]+\\.[a-z-]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyEventTypeBelongsToExactlyOneTopic() {
        assertThat(Topics.eventTypes()).doesNotHaveDuplicates();
        assertThat(Topics.of(OutboundMessageFailed.class)).isSameAs(Topics.CONVERSATION_MESSAGES);
        assertThat(Topics.of(ChannelDisconnected.class)).isSameAs(Topics.CONVERSATION_CHANNELS);
    }

    @Test
    void findsTopicsByName() {
        assertThat(Topics.named("ai.replies")).contains(Topics.AI_REPLIES);
        assertThat(Topics.named("ai.unknown")).isEmpty();
        assertThatThrownBy(() -> Topics.of(CheckoutActionItem.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subjectsAreTopicDashRecordFullName() {
        assertThat(Topics.CONVERSATION_CHANNELS.subjects()).containsExactlyInAnyOrder(
                "conversation.channels-com.sellavie.events.conversation.ChannelConnected",
                "conversation.channels-com.sellavie.events.conversation.ChannelDisconnected",
                "conversation.channels-com.sellavie.events.conversation.ChannelNeedsReconnect");
        assertThat(Topics.AI_REPLIES.deadLetterTopic()).isEqualTo("ai.replies.dlt");
    }

    @Test
    void everyTopicDescribesItsKey() {
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.keyDescription()).isNotBlank());
    }
}
