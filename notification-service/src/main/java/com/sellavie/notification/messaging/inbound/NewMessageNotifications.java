package com.sellavie.notification.messaging.inbound;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.Locale;

/** Maps an inbound customer message (or comment on a post) to the notification the merchant sees. */
final class NewMessageNotifications {

    private NewMessageNotifications() {
    }

    static NotificationDraft of(InboundMessageReceived message) {
        String channel = channelName(message.getChannelType());
        String sender = message.getSenderName();
        // A public comment on a post (InboundMessageReceived v4) is told apart from a direct message.
        String what = message.getComment() == null ? " message" : " comment";
        String title = sender == null || sender.isBlank()
                ? "New " + channel + what
                : "New " + channel + what + " from " + sender.strip();
        return new NotificationDraft(NotificationKind.NEW_MESSAGE, title, MessagePreview.of(message.getText()),
                reference(message), null, message.getExternalMessageId());
    }

    /** Channel type, the business's account on it, the customer, Meta's message id: unique per message. */
    static String reference(InboundMessageReceived message) {
        return String.join("/", message.getChannelType(), message.getChannelExternalId(),
                message.getSenderExternalId(), message.getExternalMessageId());
    }

    private static String channelName(String channelType) {
        return switch (channelType.toUpperCase(Locale.ROOT)) {
            case "INSTAGRAM" -> "Instagram";
            case "MESSENGER" -> "Messenger";
            case "WHATSAPP" -> "WhatsApp";
            default -> channelType;
        };
    }
}
