package com.sellavie.ai.reply;

import com.sellavie.ai.catalog.Catalog;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.orders.ContactOrders;
import com.sellavie.ai.provider.BusinessChains;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.settings.AiSettingsService;
import com.sellavie.ai.settings.ReplySettings;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the answer to one ReplyRequested: tenant context (name, profile, FAQ, the catalog's products
 * on offer, the customer's orders) and AI settings, then {@link ReplyAnswering} (moderation, prompt,
 * provider chain: the business's own order, models and keys when it saved settings, else the
 * deployment's; tags, checks on the reply). Publishes nothing. Never inside a transaction: the knowledge is read in its own short
 * read-only transaction (one snapshot, so a seed replaced meanwhile is seen whole or not at all),
 * which ends before the model is called; the call holds no connection.
 */
@Service
class ReplyGeneration {

    private final KnowledgeRepository knowledge;
    private final Catalog catalog;
    private final ContactOrders orders;
    private final ReplyAnswering answering;
    private final AiSettingsService settings;
    private final BusinessChains businessChains;
    private final TransactionTemplate snapshot;

    ReplyGeneration(KnowledgeRepository knowledge, Catalog catalog, ContactOrders orders,
            ReplyAnswering answering, AiSettingsService settings, BusinessChains businessChains,
            PlatformTransactionManager transactions) {
        this.knowledge = knowledge;
        this.orders = orders;
        this.settings = settings;
        this.businessChains = businessChains;
        this.catalog = catalog;
        this.answering = answering;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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
                .withProducts(catalog.offered(request.getBusinessId()))
                .withOrders(orders.of(request.getBusinessId(), request.getContactId(), request.getConversationId())),
                settings.forReplies(request.getBusinessId())));
        Optional<ReplySettings> own = read.settings();
        if (own.isPresent() && !own.get().answersOn(request.getChannelType())) {
            throw new AiSwitchedOffException(request.getChannelType());
        }
        return answering.answer(request, read.knowledge(),
                ReplyOptions.of(own, s -> businessChains.chain(s.providers())));
    }

    /** What one snapshot read: the business's context and its AI settings (empty: the deployment's). */
    private record Context(BusinessKnowledge knowledge, Optional<ReplySettings> settings) {
    }
}
