package com.sellavie.identity.activity;

import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.schemas.EventMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which events of other services' (and identity's team) topics are activity, and how they read. The
 * actor is the event's member field when it has one, else nobody (the system). Other events on these
 * topics (an order placed or paid, a message) are not activity: {@link #of} is empty for them.
 */
final class TopicActivity {

    private TopicActivity() {
    }

    static Optional<ActivityLog.Entry> of(SpecificRecord event) {
        return Optional.ofNullable(switch (event) {
            case ChannelConnected e -> entry(e, ActivityCategory.CHANNELS, "CHANNEL_CONNECTED", null,
                    channel(e.getChannelType(), e.getName()));
            case ChannelDisconnected e -> entry(e, ActivityCategory.CHANNELS, "CHANNEL_DISCONNECTED", null,
                    channel(e.getChannelType(), e.getName()) + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
            case ChannelNeedsReconnect e -> entry(e, ActivityCategory.CHANNELS, "CHANNEL_NEEDS_RECONNECT", null,
                    channel(e.getChannelType(), e.getName()));
            case HandoffRequested e -> "MEMBER".equals(e.getTrigger())
                    ? entry(e, ActivityCategory.CONVERSATIONS, "CONVERSATION_TAKEN_OVER", user(e.getMemberId()),
                            "conversation " + e.getConversationId())
                    : entry(e, ActivityCategory.CONVERSATIONS, "HANDOFF_REQUESTED", null,
                            "conversation " + e.getConversationId() + " (" + e.getTrigger() + ")");
            case HandoffResolved e -> entry(e, ActivityCategory.CONVERSATIONS, resolvedKind(e.getTrigger()),
                    user(e.getMemberId()), "conversation " + e.getConversationId());
            case OrderCancelled e -> entry(e, ActivityCategory.ORDERS, "ORDER_CANCELLED", user(e.getCancelledBy()),
                    "order " + e.getOrderId());
            case OrderRefunded e -> entry(e, ActivityCategory.ORDERS, "ORDER_REFUNDED", null,
                    "order " + e.getOrderId() + ", " + amount(e.getAmountMinor(), e.getCurrency()));
            case MemberJoined e -> entry(e, ActivityCategory.TEAM, "MEMBER_JOINED", e.getUserId(),
                    "as " + e.getRole());
            case MemberRoleChanged e -> entry(e, ActivityCategory.TEAM, "MEMBER_ROLE_CHANGED", e.getChangedByUserId(),
                    "member " + e.getUserId() + ": " + e.getPreviousRole() + " → " + e.getRole());
            case MemberLeft e -> entry(e, ActivityCategory.TEAM, "REMOVED".equals(e.getReason()) ? "MEMBER_REMOVED"
                    : "MEMBER_LEFT", "REMOVED".equals(e.getReason()) ? e.getRemovedByUserId() : e.getUserId(),
                    "member " + e.getUserId() + " (was " + e.getPreviousRole() + ")");
            default -> null;
        });
    }

    private static String resolvedKind(String trigger) {
        return switch (trigger) {
            case "RELEASED" -> "CONVERSATION_RELEASED";
            case "CLOSED" -> "CONVERSATION_CLOSED";
            default -> "HANDOFF_ENDED";
        };
    }

    private static String amount(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }

    private static String channel(String type, String name) {
        return name == null ? type : type + " " + name;
    }

    /** A member id the event carries as a string; anything that is not a user id counts as the system. */
    private static UUID user(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ActivityLog.Entry entry(SpecificRecord event, ActivityCategory category, String kind, UUID actor,
            String subject) {
        EventMetadata metadata = EventMetadata.of(event);
        Instant at = metadata.occurredAt();
        return new ActivityLog.Entry(metadata.businessId(), at, category, kind, actor, null, null, subject,
                metadata.eventId());
    }
}
