package com.sellavie.notification.feed;

import java.util.UUID;

/**
 * Published (in-process, synchronously, inside the recording transaction) when a notification was
 * added to a business's feed, so other features (alert emails) act on it without the feed knowing them.
 */
public record NotificationRecorded(UUID businessId, NotificationDraft draft) {
}
