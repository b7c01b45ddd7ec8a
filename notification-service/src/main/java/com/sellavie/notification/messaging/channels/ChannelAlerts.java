package com.sellavie.notification.messaging.channels;

import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;

/**
 * The wording of channel alerts. A channel that needs reconnecting is named as the merchant knows it
 * ("Instagram @ankara.studio", "Messenger page Ankara Studio", "WhatsApp Ankara Studio"); the reference is
 * the channel and the event, so a channel rejected again after a reconnect alerts again.
 */
final class ChannelAlerts {

    private static final int MAX_DETAIL_CHARS = 280;

    private ChannelAlerts() {
    }

    static NotificationDraft needsReconnect(ChannelNeedsReconnect event) {
        String detail = oneLine(event.getDetail());
        return new NotificationDraft(NotificationKind.CHANNEL_NEEDS_RECONNECT,
                channel(event.getChannelType(), event.getName(), event.getExternalId()) + " needs reconnecting",
                "Meta rejected its token" + (detail.isEmpty() ? "" : " (" + detail + ")")
                        + ". Messages cannot be sent on it until it is connected again in Settings → Channels; "
                        + "customers' messages still arrive.",
                event.getChannelId() + "/" + event.getEventId());
    }

    static String channel(String type, String name, String externalId) {
        String shown = name == null || name.isBlank() ? externalId : name.strip();
        return switch (type) {
            case "INSTAGRAM" -> "Instagram " + (shown.equals(externalId) ? "account " + shown : "@" + shown);
            case "MESSENGER" -> "Messenger page " + shown;
            case "WHATSAPP" -> "WhatsApp " + shown;
            default -> type + " " + shown;
        };
    }

    private static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_DETAIL_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_DETAIL_CHARS - 1)).stripTrailing() + "…";
    }
}
