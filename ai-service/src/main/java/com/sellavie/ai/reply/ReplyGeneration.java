package com.sellavie.ai.reply;

import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.DroppedTag;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.catalog.Catalog;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.messaging.outbound.ReplyMessages;
import com.sellavie.ai.provider.BusinessChains;
import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.settings.AiSettingsService;
import com.sellavie.ai.settings.ReplySettings;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the answer to one ReplyRequested: tenant context (name, profile, FAQ, the
 * catalog's products on offer) and AI settings, prompt, provider chain (the business's own order,
 * models and keys when it saved settings, else the deployment's), action tags
 * parsed, validated and stripped. Publishes nothing. Never inside a transaction: the knowledge is
 * read in its own short read-only transaction (one snapshot, so a seed replaced meanwhile is seen
 * whole or not at all), which ends before the model is called; the call holds no connection.
 */
@Service
class ReplyGeneration {

    private static final Logger log = LoggerFactory.getLogger(ReplyGeneration.class);

    private final KnowledgeRepository knowledge;
    private final Catalog catalog;
    private final ProviderChain providers;
    private final AiSettingsService settings;
    private final BusinessChains businessChains;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    ReplyGeneration(KnowledgeRepository knowledge, Catalog catalog, ProviderChain providers,
            AiSettingsService settings, BusinessChains businessChains, MeterRegistry meters, Clock clock,
            PlatformTransactionManager transactions) {
        this.knowledge = knowledge;
        this.settings = settings;
        this.businessChains = businessChains;
        this.catalog = catalog;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.providers = providers;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Run as the request's business.
     *
     * @throws ProviderException no provider answered: {@link ProviderException#failover()} tells a
     *                           transient failure (worth a later retry) from a permanent one
     * @throws AiSwitchedOffException the business switched the assistant off on this channel kind
     */
    @Transactional(propagation = Propagation.NEVER)
    public ReplyGenerated generate(ReplyRequested request) throws ProviderException, AiSwitchedOffException {
        Context read = snapshot.execute(status -> new Context(knowledge.load(request.getBusinessId())
                .withProducts(catalog.offered(request.getBusinessId())), settings.forReplies(request.getBusinessId())));
        BusinessKnowledge context = read.knowledge();
        Optional<ReplySettings> own = read.settings();
        if (own.isPresent() && !own.get().answersOn(request.getChannelType())) {
            throw new AiSwitchedOffException(request.getChannelType());
        }
        ProviderChain chain = own.map(s -> businessChains.chain(s.providers())).orElse(providers);
        Reply reply = chain.complete(PromptBuilder.build(request, context, own.map(ReplySettings::tone).orElse(null),
                own.map(ReplySettings::fixedLanguage).orElse(null)));
        ParsedReply parsed = ActionTagParser.parse(reply.text(), context.skus());
        parsed.dropped().forEach(this::countDropped);
        ReplyGenerated event = ReplyMessages.replyGenerated(request, reply, parsed, clock.instant());
        log.info("Reply {} to request {} written by {}: {} action(s), {} tag(s) dropped", event.getEventId(),
                request.getEventId(), reply.providerName(), parsed.actions().size(), parsed.dropped().size());
        return event;
    }

    /** What one snapshot read: the business's context and its AI settings (empty: the deployment's). */
    private record Context(BusinessKnowledge knowledge, Optional<ReplySettings> settings) {
    }

    private void countDropped(DroppedTag tag) {
        log.warn("Dropped action tag {} from a model reply: {}", tag.name(), tag.reason());
        meters.counter("sellavie.ai.action_tags.dropped", "reason", tag.reason().name()).increment();
    }
}
