package com.sellavie.notification.feed;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification about to be recorded for the current business. {@code reference} names what it is
 * about (for a message: channel, account, sender and message id); the feed keeps one notification
 * per kind and reference. {@code contactId}, when the notification is about a known contact, lets a
 * privacy erasure of that contact find it. {@code externalMessageId}, Meta's id of the message a
 * NEW_MESSAGE preview shows, is how conversation's MessageRecorded finds the preview to name its contact.
 */
public record NotificationDraft(NotificationKind kind, String title, String body, String reference, UUID contactId,
        String externalMessageId) {

    public NotificationDraft(NotificationKind kind, String title, String body, String reference) {
        this(kind, title, body, reference, null, null);
    }

    public NotificationDraft(NotificationKind kind, String title, String body, String reference, UUID contactId) {
        this(kind, title, body, reference, contactId, null);
    }

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reference, "reference");
    }
}
