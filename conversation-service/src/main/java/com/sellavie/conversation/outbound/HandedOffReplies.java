package com.sellavie.conversation.outbound;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send-time half of "the assistant is silent while a person has the conversation": just before
 * the Send API call, an assistant's reply (generated before a takeover, arriving after it) whose
 * conversation is no longer in BOT mode is withheld — FAILED {@value #HANDED_OFF} with
 * OutboundMessageFailed, logged and counted ({@code sellavie.outbound.withheld}), Meta never called.
 * The reply that carried the handoff action itself is still sent (it caused the mode change), and so
 * are SYSTEM texts (payment links, receipts) and members' messages. A takeover committed between this
 * check and the call (milliseconds) cannot be seen: no lock is held across a call to Meta.
 */
@Component
class HandedOffReplies {

    static final String HANDED_OFF = "HANDED_OFF";
    private static final Logger log = LoggerFactory.getLogger(HandedOffReplies.class);

    /**
     * The conversation's mode when the message {@code s.message_id} must be withheld (an assistant reply to a
     * conversation a person has now, not the reply that handed it over), as a scalar subquery; null when it
     * may go. Read by the send's preparation with its other facts ({@link SendFacts}).
     */
    static final String WITHHOLDING_MODE = "SELECT c.mode FROM messages m "
            + "JOIN conversations c ON c.id = m.conversation_id "
            + "WHERE m.business_id = s.business_id AND m.id = s.message_id AND m.author_type = 'ASSISTANT' "
            + "AND c.mode <> 'BOT' AND m.source_event_id IS DISTINCT FROM c.mode_cause_event_id";

    private final OutboundRecorder recorder;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final Counter withheld;

    HandedOffReplies(OutboundRecorder recorder, Tenancy tenancy, TransactionTemplate transaction,
            MeterRegistry meters) {
        this.recorder = recorder;
        this.tenancy = tenancy;
        this.transaction = transaction;
        this.withheld = Counter.builder("sellavie.outbound.withheld").tag("reason", HANDED_OFF)
                .description("Assistant replies not sent because a person had the conversation").register(meters);
    }

    /** Records the message FAILED {@value #HANDED_OFF}, logged and counted: it is not sent. */
    void withhold(ClaimedSend send, String mode) {
        log.info("Assistant reply {} (conversation {}, business {}) not sent: the conversation is {} now; FAILED {}",
                send.messageId(), send.conversation().id(), send.businessId(), mode, HANDED_OFF);
        if (tenancy.callAs(send.businessId(), () -> transaction.execute(status -> recorder.recordFailed(send,
                send.attempts(), HANDED_OFF, null, "The conversation was " + mode + " when the reply was due")))) {
            withheld.increment();
        }
    }
}
