package com.sellavie.notification.feed;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification about to be recorded for the current business. {@code reference} names what it is
 * about (for a message: channel, account, sender and message id); the feed keeps one notification
 * per kind and reference. {@code contactId}, when the notification is about a known contact, lets a
 * privacy erasure of that contact find it.
 */
public record NotificationDraft(NotificationKind kind, String title, String body, String reference, UUID contactId) {

    public NotificationDraft(NotificationKind kind, String title, String body, String reference) {
        this(kind, title, body, reference, null);
    }

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reference, "reference");
    }
}
