/** Alerts the team when a conversation needs a person ({@code conversation.handoffs}). */
package com.sellavie.notification.messaging.handoff;
