package com.sellavie.conversation.messaging;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.schemas.EventMetadata;

/** Builds the MessageRecorded event of a stored message. */
public final class MessageEvents {

    private MessageEvents() {
    }

    public static MessageRecorded recorded(EventMetadata meta, Message message, Conversation conversation,
            Channel channel) {
        return MessageRecorded.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(conversation.id())
                .setMessageId(message.id())
                .setContactId(conversation.contactId())
                .setDirection(message.direction())
                .setAuthorType(message.authorType())
                .setText(message.text())
                .setExternalMessageId(message.externalMessageId())
                .setChannelId(channel.id())
                .setChannelType(channel.type())
                .setChannelExternalId(channel.externalId())
                .setSentAt(message.sentAt())
                .build();
    }
}
