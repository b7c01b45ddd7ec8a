package com.sellavie.conversation.handoff;

import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.schemas.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ai.replies}, in its own consumer group ({@value #GROUP}) beside the sender's: a reply carrying
 * a HandoffAction hands its conversation to a person. Applied once per reply (platform inbox). The
 * reply's text is queued by the outbound listener either way and still sent (the send-time check
 * knows this reply caused the handoff). Most replies carry no handoff: those are skipped before the
 * inbox, which would otherwise cost a transaction per reply for nothing.
 */
@Component
class AssistantHandoffListener {

    static final String GROUP = "conversation-service-handoff";

    private final IdempotentEventHandler handler;
    private final ConversationModes modes;

    AssistantHandoffListener(IdempotentEventHandler handler, ConversationModes modes) {
        this.handler = handler;
        this.modes = modes;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).AI_REPLIES.name()}", groupId = GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, ReplyGenerated> record) {
        ReplyGenerated reply = record.value();
        reply.getActions().stream()
                .filter(HandoffAction.class::isInstance).map(HandoffAction.class::cast).findFirst()
                .ifPresent(action -> handler.handleOnce(record, handedOff -> modes.assistantHandedOff(
                        handedOff.getBusinessId(), handedOff.getConversationId(), action.getReason(),
                        EventMetadata.of(handedOff))));
    }
}
