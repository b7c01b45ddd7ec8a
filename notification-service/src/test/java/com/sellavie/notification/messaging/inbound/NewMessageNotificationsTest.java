package com.sellavie.notification.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundComment;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.InboundMessages;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewMessageNotificationsTest {

    @Test
    void instagramMessageBecomesANewMessageNotificationReferencingChannelSenderAndMid() {
        InboundMessageReceived dm = InboundMessages.dm(UUID.randomUUID(), "mid-1", "Is the linen shirt available?");

        NotificationDraft draft = NewMessageNotifications.of(dm);

        assertThat(draft.kind()).isEqualTo(NotificationKind.NEW_MESSAGE);
        assertThat(draft.title()).isEqualTo("New Instagram message");
        assertThat(draft.body()).isEqualTo("Is the linen shirt available?");
        assertThat(draft.reference())
                .isEqualTo("INSTAGRAM/17841400000000001/" + dm.getSenderExternalId() + "/mid-1");
    }

    @Test
    void titleNamesTheSenderWhenTheChannelGivesAName() {
        InboundMessageReceived dm = InboundMessageReceived.newBuilder(
                        InboundMessages.dm(UUID.randomUUID(), "wamid-1", "hi"))
                .setChannelType("WHATSAPP").setSenderName("Ada").build();

        assertThat(NewMessageNotifications.of(dm).title()).isEqualTo("New WhatsApp message from Ada");
    }

    @Test
    void aCommentOnAPostIsAnnouncedAsAComment() {
        InboundMessageReceived comment = InboundMessageReceived.newBuilder(
                        InboundMessages.dm(UUID.randomUUID(), "17858893269000001", "How much?"))
                .setChannelType("MESSENGER").setSenderName("Ada")
                .setComment(new InboundComment("17858893269000001", "post-1", null, null)).build();

        NotificationDraft draft = NewMessageNotifications.of(comment);

        assertThat(draft.title()).isEqualTo("New Messenger comment from Ada");
        assertThat(draft.body()).isEqualTo("How much?");
    }
}
