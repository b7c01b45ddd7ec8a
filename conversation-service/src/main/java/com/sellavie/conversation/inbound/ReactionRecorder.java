package com.sellavie.conversation.inbound;

import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.InboundReaction;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A customer's reaction is recorded on the message reacted to (its latest reaction wins, by Meta's time),
 * not as a message: nothing for the assistant to answer. A reaction to a message Sellavie does not know
 * (sent outside it, or older than the channel) is counted and dropped.
 */
@Component
class ReactionRecorder {

    private static final Logger log = LoggerFactory.getLogger(ReactionRecorder.class);

    private final MessageStore store;
    private final MeterRegistry meters;

    ReactionRecorder(MessageStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    void record(UUID businessId, InboundMessageReceived event) {
        InboundReaction reaction = event.getReaction();
        String emoji = "UNREACT".equals(reaction.getAction()) ? null : reaction.getEmoji();
        String outcome = store.recordCustomerReaction(businessId, reaction.getTargetMessageId(), emoji,
                event.getSentAt());
        if ("unknown_message".equals(outcome)) {
            log.debug("Reaction to unknown message {} dropped", reaction.getTargetMessageId());
        }
        meters.counter("sellavie.conversation.reactions", "outcome", outcome).increment();
    }
}
