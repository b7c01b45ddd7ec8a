package com.sellavie.notification.feed;

import java.util.List;

/** One page of the feed, newest first, with the business's unread count for the console's badge. */
record NotificationPage(List<Notification> items, int page, int limit, boolean hasMore, long unreadCount) {
}
