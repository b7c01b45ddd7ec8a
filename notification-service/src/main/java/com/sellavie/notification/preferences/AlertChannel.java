package com.sellavie.notification.preferences;

/** How a member wants one kind of alert. */
public enum AlertChannel {
    /** In the console's notification feed only. */
    IN_APP,
    /** In the feed and by email to the member's address. */
    EMAIL,
    /** Neither: not emailed, and left out of this member's feed (the rest of the team still sees it). */
    OFF
}
