package com.sellavie.notification.messaging.handoff;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Which handoffs alert the team, and the wording. A handoff the assistant asked for (AI_ACTION) or the
 * customer did (KEYWORD) alerts: nobody is on it yet. A member's own takeover (MEMBER) does not: the
 * person who would be alerted is already there. HandoffResolved never alerts (the inbox shows the mode).
 */
final class HandoffAlerts {

    static final String MEMBER = "MEMBER";
    private static final int MAX_REASON_CHARS = 200;

    private HandoffAlerts() {
    }

    static Optional<NotificationDraft> of(HandoffRequested event) {
        if (MEMBER.equals(event.getTrigger())) {
            return Optional.empty();
        }
        String contact = event.getContactName() == null || event.getContactName().isBlank() ? "a customer"
                : event.getContactName().strip();
        String reason = oneLine(event.getReason());
        String title = "Conversation with " + contact + " needs a person" + (reason.isEmpty() ? "" : " (" + reason + ")");
        String body = ("KEYWORD".equals(event.getTrigger()) ? "The customer asked for a person" : "The assistant handed it over")
                + " on " + channel(event.getChannelType()) + ". It stays silent until someone releases the conversation.";
        // One alert per handoff: the same conversation can need a person again later.
        return Optional.of(new NotificationDraft(NotificationKind.HANDOFF_REQUESTED, title, body,
                event.getConversationId() + "/" + event.getEventId(), event.getContactId()));
    }

    /** INSTAGRAM -> Instagram. */
    private static String channel(String type) {
        if (type == null || type.isBlank()) {
            return "a channel";
        }
        String lower = type.strip().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_REASON_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_REASON_CHARS - 1)).stripTrailing() + "…";
    }
}
