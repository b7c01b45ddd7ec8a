/** Consumed events mapped to feature calls: an inbound customer message becomes a merchant notification. */
package com.sellavie.notification.messaging.inbound;
