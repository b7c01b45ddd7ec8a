package com.sellavie.conversation.handoff;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.schemas.EventMetadata;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A conversation as the handoff rules see it (read under a row lock). Each method is one way in or
 * out of HUMAN mode: it answers the change and its event, or nothing when the rule does not apply
 * from the current mode (e.g. the assistant asking for a person on a conversation a person already has).
 */
record HandoffConversation(UUID id, UUID businessId, UUID contactId, String contactName, String channelType,
        Mode mode, UUID assigneeId) {

    static final String AI_ACTION = "AI_ACTION";
    static final String KEYWORD = "KEYWORD";
    static final String MEMBER = "MEMBER";
    static final String RELEASED = "RELEASED";
    static final String CLOSED = "CLOSED";
    static final String QUIET_PERIOD = "QUIET_PERIOD";
    static final String REOPENED = "REOPENED";

    /** The assistant's handoff action or the customer's keyword: BOT becomes HUMAN; the assignee stays. */
    Optional<ModeChange> handOff(String trigger, String reason, EventMetadata meta) {
        if (mode != Mode.BOT) {
            return Optional.empty();
        }
        return Optional.of(new ModeChange(Mode.HUMAN, assigneeId, requested(meta, trigger, reason, null)));
    }

    /** A member takes over: BOT or CLOSED becomes HUMAN, assigned to them (already HUMAN: only assigned). */
    Optional<ModeChange> takeOver(UUID member, EventMetadata meta) {
        if (mode == Mode.HUMAN) {
            return Optional.of(new ModeChange(Mode.HUMAN, member, null));
        }
        return Optional.of(new ModeChange(Mode.HUMAN, member, requested(meta, MEMBER, null, member)));
    }

    /** A member gives it back to the assistant (from HUMAN, or a CLOSED one reopened for the bot). */
    Optional<ModeChange> release(UUID member, EventMetadata meta) {
        return mode == Mode.BOT ? Optional.empty() : resolved(Mode.BOT, RELEASED, member, meta);
    }

    Optional<ModeChange> close(UUID member, EventMetadata meta) {
        return mode == Mode.CLOSED ? Optional.empty() : resolved(Mode.CLOSED, CLOSED, member, meta);
    }

    /** Nobody wrote for the business's quiet period: the assistant answers again. */
    Optional<ModeChange> quietPeriodOver(EventMetadata meta) {
        return mode == Mode.HUMAN ? resolved(Mode.BOT, QUIET_PERIOD, null, meta) : Optional.empty();
    }

    /** The customer wrote to a closed conversation: it is open again, with the assistant. */
    Optional<ModeChange> customerWrote(EventMetadata meta) {
        return mode == Mode.CLOSED ? resolved(Mode.BOT, REOPENED, null, meta) : Optional.empty();
    }

    private Optional<ModeChange> resolved(Mode to, String trigger, UUID member, EventMetadata meta) {
        return Optional.of(new ModeChange(to, assigneeId, HandoffResolved.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(id)
                .setContactId(contactId)
                .setChannelType(channelType)
                .setTrigger(trigger)
                .setMemberId(member == null ? null : member.toString())
                .setMode(to.name())
                .build()));
    }

    private HandoffRequested requested(EventMetadata meta, String trigger, String reason, UUID member) {
        return HandoffRequested.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(id)
                .setContactId(contactId)
                .setContactName(contactName)
                .setChannelType(channelType)
                .setTrigger(trigger)
                .setReason(reason)
                .setMemberId(member == null ? null : member.toString())
                .build();
    }

    /**
     * @param event null when only the assignee changes (a takeover of a conversation already HUMAN)
     */
    record ModeChange(Mode mode, UUID assigneeId, SpecificRecord event) {
    }
}
