/** The merchant's in-app notification feed: recording notifications, listing them, marking them read. */
package com.sellavie.notification.feed;
