package com.sellavie.conversation.handoff;

import com.sellavie.conversation.handoff.HandoffConversation.ModeChange;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a conversation's mode: each change, under the conversation's row lock, is stored with its
 * HandoffRequested or HandoffResolved in the same transaction (outbox).
 */
@Component
public class ConversationModes {

    private static final Logger log = LoggerFactory.getLogger(ConversationModes.class);

    private final HandoffStore store;
    private final HandoffSettingsStore settings;
    private final Outbox outbox;

    ConversationModes(HandoffStore store, HandoffSettingsStore settings, Outbox outbox) {
        this.store = store;
        this.settings = settings;
        this.outbox = outbox;
    }

    /**
     * A customer's message, in the inbound transaction: a CLOSED conversation reopens with the
     * assistant; a message asking for a person (the business's keywords) hands a BOT one over.
     *
     * @param lockedMode the conversation's mode as read under its row lock in this transaction (the inbound
     *                   recording's upsert holds it): a BOT conversation is loaded only when a keyword
     *                   hands it over
     * @return the mode after the message: only BOT asks the assistant for a reply
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Mode customerWrote(UUID businessId, UUID conversationId, Mode lockedMode, String text,
            EventMetadata cause) {
        Mode mode = lockedMode;
        if (mode != Mode.BOT) {
            HandoffConversation conversation = store.lock(businessId, conversationId).orElseThrow();
            Optional<ModeChange> reopened = conversation.customerWrote(meta(cause));
            reopened.ifPresent(change -> apply(conversation, change, cause.eventId()));
            mode = reopened.map(ModeChange::mode).orElse(conversation.mode());
            if (mode != Mode.BOT) {
                return mode;
            }
        }
        Optional<String> keyword = HandoffKeywords.match(text, settings.find(businessId).keywords());
        if (keyword.isEmpty()) {
            return mode;
        }
        HandoffConversation current = store.lock(businessId, conversationId).orElseThrow();
        Mode before = mode;
        return current.handOff(HandoffConversation.KEYWORD, "The customer asked for a person (\"" + keyword.get()
                        + "\")", meta(cause))
                .map(change -> apply(current, change, cause.eventId()).mode()).orElse(before);
    }

    /** The assistant's handoff action (its reply's text, if any, is still sent: see the send-time check). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assistantHandedOff(UUID businessId, UUID conversationId, String reason, EventMetadata cause) {
        store.lock(businessId, conversationId).ifPresentOrElse(
                conversation -> conversation.handOff(HandoffConversation.AI_ACTION, reason, meta(cause))
                        .ifPresentOrElse(change -> apply(conversation, change, cause.eventId()),
                                () -> log.info("Handoff action of reply {} on conversation {}: already {}, nothing to do",
                                        cause.eventId(), conversationId, conversation.mode())),
                () -> log.warn("Handoff action of reply {} names conversation {}, which business {} does not have; "
                        + "ignored", cause.eventId(), conversationId, businessId));
    }

    /** @return whether the business has the conversation */
    @Transactional
    public boolean takeOver(UUID businessId, UUID conversationId, UUID member) {
        return byMember(businessId, conversationId, (c, meta) -> c.takeOver(member, meta));
    }

    @Transactional
    public boolean release(UUID businessId, UUID conversationId, UUID member) {
        return byMember(businessId, conversationId, (c, meta) -> c.release(member, meta));
    }

    @Transactional
    public boolean close(UUID businessId, UUID conversationId, UUID member) {
        return byMember(businessId, conversationId, (c, meta) -> c.close(member, meta));
    }

    /** The quiet-period job, as the conversation's business: BOT again if it is still HUMAN and quiet. */
    @Transactional
    public boolean releaseIfQuiet(UUID businessId, UUID conversationId, int defaultMinutes) {
        Optional<HandoffConversation> conversation = store.lock(businessId, conversationId);
        if (conversation.isEmpty() || !store.stillQuiet(businessId, conversationId, defaultMinutes)) {
            return false;
        }
        EventMetadata meta = EventMetadata.startOfJourney(businessId, now());
        return conversation.get().quietPeriodOver(meta).map(change -> apply(conversation.get(), change, null))
                .isPresent();
    }

    private boolean byMember(UUID businessId, UUID conversationId,
            BiFunction<HandoffConversation, EventMetadata, Optional<ModeChange>> rule) {
        Optional<HandoffConversation> conversation = store.lock(businessId, conversationId);
        conversation.ifPresent(c -> rule.apply(c, EventMetadata.startOfJourney(businessId, now()))
                .ifPresent(change -> apply(c, change, null)));
        return conversation.isPresent();
    }

    private ModeChange apply(HandoffConversation conversation, ModeChange change, UUID causeEventId) {
        boolean modeChanged = change.event() != null;
        store.update(conversation.businessId(), conversation.id(), change.mode(), change.assigneeId(), causeEventId,
                modeChanged);
        if (modeChanged) {
            outbox.publish(change.event(), conversation.id().toString());
            log.info("Conversation {} (business {}): {} -> {} ({})", conversation.id(), conversation.businessId(),
                    conversation.mode(), change.mode(), change.event().getSchema().getName());
        }
        return change;
    }

    private static EventMetadata meta(EventMetadata cause) {
        return EventMetadata.causedBy(cause, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
