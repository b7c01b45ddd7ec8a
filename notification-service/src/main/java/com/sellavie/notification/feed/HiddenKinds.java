package com.sellavie.notification.feed;

import java.util.Set;
import java.util.UUID;

/** The kinds a member chose not to see in the feed (their preferences, kept by another feature). */
public interface HiddenKinds {

    /** For {@code userId} in the current business; empty when they hide nothing. */
    Set<NotificationKind> hiddenFrom(UUID userId);
}
