package com.sellavie.ai.reply;

import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.DroppedTag;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.messaging.outbound.ReplyMessages;
import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one ReplyRequested: tenant context, prompt, provider chain, action tags parsed, validated
 * and stripped, ReplyGenerated handed to the outbox. Runs inside the caller's transaction (the
 * inbox's), so the reply is published exactly when the request is marked as handled.
 */
@Service
public class ReplyGeneration {

    private static final Logger log = LoggerFactory.getLogger(ReplyGeneration.class);

    private final KnowledgeRepository knowledge;
    private final ProviderChain providers;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    ReplyGeneration(KnowledgeRepository knowledge, ProviderChain providers, Outbox outbox, MeterRegistry meters,
            Clock clock) {
        this.knowledge = knowledge;
        this.providers = providers;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void answer(ReplyRequested request) {
        UUID businessId = request.getBusinessId();
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(businessId)) {
            throw new IllegalArgumentException("ReplyRequested " + request.getEventId() + " is for business "
                    + businessId + " but arrived for tenant " + tenant);
        }
        BusinessKnowledge context = knowledge.load(businessId);
        Reply reply = complete(request, context);
        ParsedReply parsed = ActionTagParser.parse(reply.text(), context.skus());
        parsed.dropped().forEach(this::countDropped);
        ReplyGenerated event = ReplyMessages.replyGenerated(request, reply, parsed, clock.instant());
        outbox.publish(event, request.getConversationId().toString());
        log.info("Reply {} to request {} by {}: {} action(s), {} tag(s) dropped", event.getEventId(),
                request.getEventId(), reply.providerName(), parsed.actions().size(), parsed.dropped().size());
    }

    private Reply complete(ReplyRequested request, BusinessKnowledge context) {
        try {
            return providers.complete(PromptBuilder.build(request, context));
        } catch (ProviderException e) {
            throw new ReplyNotGeneratedException(request.getEventId().toString(), e);
        }
    }

    private void countDropped(DroppedTag tag) {
        log.warn("Dropped action tag {} from a model reply: {}", tag.name(), tag.reason());
        meters.counter("sellavie.ai.action_tags.dropped", "reason", tag.reason().name()).increment();
    }
}
