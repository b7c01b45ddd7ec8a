package com.sellavie.ai.reply;

import com.sellavie.ai.actiontag.DroppedTag;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.messaging.outbound.ReplyMessages;
import com.sellavie.ai.moderation.MessageModeration;
import com.sellavie.ai.moderation.ModerationVerdict;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.ai.safety.SafeReplies;
import com.sellavie.ai.usage.UsageLedger;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One request and its business's context -> the ReplyGenerated to publish. The customer's message is
 * moderated first: a flagged one reaches no model and gets a handoff whose reason carries the flag.
 * Otherwise {@link ReplyWriter} writes and checks the reply. Every request leaves an INFO line (its
 * id, the provider, actions, dropped tags and defences) or a WARN when moderation stopped it.
 */
@Component
class ReplyAnswering {

    private static final Logger log = LoggerFactory.getLogger(ReplyAnswering.class);

    private final ReplyWriter writer;
    private final MessageModeration moderation;
    private final MeterRegistry meters;
    private final Clock clock;

    ReplyAnswering(ReplyWriter writer, MessageModeration moderation, MeterRegistry meters, Clock clock) {
        this.writer = writer;
        this.moderation = moderation;
        this.meters = meters;
        this.clock = clock;
    }

    ReplyGenerated answer(ReplyRequested request, BusinessKnowledge context) throws ProviderException {
        return answer(request, context, ReplyOptions.DEPLOYMENT);
    }

    /** With the business's chain, tone and language ({@link ReplyOptions}). */
    ReplyGenerated answer(ReplyRequested request, BusinessKnowledge context, ReplyOptions options)
            throws ProviderException {
        return respond(request, context, options).event();
    }

    /** The reply and what writing it took (tokens, whether a model was asked at all). */
    Answer respond(ReplyRequested request, BusinessKnowledge context, ReplyOptions options) throws ProviderException {
        ModerationVerdict verdict = moderation.check(request.getTriggerText());
        if (verdict.flagged()) {
            return new Answer(flagged(request, verdict, options), false, TokenUsage.NONE, false, usageZone(context));
        }
        ReplyWriter.Written written = writer.write(request, context, options);
        written.parsed().dropped().forEach(this::countDropped);
        ReplyGenerated event = ReplyMessages.replyGenerated(request, written.reply(), written.parsed(),
                clock.instant());
        // INFO for every reply, unlike the other per-DM lines: the audit of what each request met (dropped tags are
        // logged nowhere else; AttackCorpusTest).
        log.info("Reply {} to request {} written by {}: {} action(s), {} tag(s) dropped, {} defence(s)",
                event.getEventId(), request.getEventId(), written.reply().providerName(),
                written.parsed().actions().size(), written.parsed().dropped().size(), written.defences().size());
        return new Answer(event, true, written.usage(), false, usageZone(context));
    }

    private static ZoneId usageZone(BusinessKnowledge context) {
        return UsageLedger.zoneOf(context.businessId(), context.settings().timeZone());
    }

    /**
     * No model sees a flagged message: a person takes over, the handoff's reason carrying the flag.
     * Abuse and threats get no text at all; self-harm gets a few careful words (a person will read it,
     * and the emergency number if in danger), which the handoff makes true.
     */
    private ReplyGenerated flagged(ReplyRequested request, ModerationVerdict verdict, ReplyOptions options) {
        String text = verdict.category() == ModerationVerdict.Category.SELF_HARM
                ? SafeReplies.selfHarmSupport(options.ownTextsLanguage(request.getTriggerText())) : "";
        ReplyGenerated event = ReplyMessages.handoff(request, text, verdict.handoffReason(), clock.instant());
        log.warn("Request {} (business {}, conversation {}) flagged by moderation as {} ({}: {}): no AI reply, "
                + "handed to a person", request.getEventId(), request.getBusinessId(), request.getConversationId(),
                verdict.category().label(), verdict.source(), verdict.detail());
        return event;
    }

    private void countDropped(DroppedTag tag) {
        log.warn("Dropped action tag {} from a model reply: {}", tag.name(), tag.reason());
        meters.counter("sellavie.ai.action_tags.dropped", "reason", tag.reason().name()).increment();
    }
}
