/** conversation-service: channels, contacts, conversations, messages, handoff and outbound sending to Meta. */
package com.sellavie.conversation;
