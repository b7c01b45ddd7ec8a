/** Channel events (conversation.channels) mapped to the alerts the team must act on: a channel to reconnect. */
package com.sellavie.notification.messaging.channels;
