package com.sellavie.notification.feed;

import java.util.Objects;

/**
 * A notification about to be recorded for the current business. {@code reference} names what it is
 * about (for a message: channel, account, sender and message id); the feed keeps one notification
 * per kind and reference.
 */
public record NotificationDraft(NotificationKind kind, String title, String body, String reference) {

    public NotificationDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reference, "reference");
    }
}
