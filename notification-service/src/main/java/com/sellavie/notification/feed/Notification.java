package com.sellavie.notification.feed;

import java.time.Instant;
import java.util.UUID;

/** A recorded notification, as the console shows it; {@code readAt} is null while unread. */
public record Notification(UUID id, NotificationKind kind, String title, String body, String reference,
        Instant createdAt, Instant readAt) {
}
