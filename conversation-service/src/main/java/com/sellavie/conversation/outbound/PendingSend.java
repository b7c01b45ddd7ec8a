package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.schemas.EventMetadata;

/** A reply recorded PENDING and committed, about to be sent; {@code cause} is the ReplyGenerated. */
record PendingSend(Message message, Conversation conversation, Channel channel, EventMetadata cause) {
}
