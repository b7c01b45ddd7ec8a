package com.sellavie.notification.feed;

/** What a notification is about; stored by name, so new kinds never break old rows. */
public enum NotificationKind {
    /** A customer wrote to the business on a connected channel. */
    NEW_MESSAGE
}
