package com.sellavie.ai.reply;

import com.sellavie.ai.catalog.Catalog;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the answer to one ReplyRequested: tenant context (name, profile, FAQ, the catalog's products
 * on offer), then {@link ReplyAnswering} (moderation, prompt, provider chain, tags, checks on the
 * reply). Publishes nothing. Never inside a transaction: the knowledge is read in its own short
 * read-only transaction (one snapshot, so a seed replaced meanwhile is seen whole or not at all),
 * which ends before the model is called; the call holds no connection.
 */
@Service
class ReplyGeneration {

    private final KnowledgeRepository knowledge;
    private final Catalog catalog;
    private final ReplyAnswering answering;
    private final TransactionTemplate snapshot;

    ReplyGeneration(KnowledgeRepository knowledge, Catalog catalog, ReplyAnswering answering,
            PlatformTransactionManager transactions) {
        this.knowledge = knowledge;
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
     */
    @Transactional(propagation = Propagation.NEVER)
    public ReplyGenerated generate(ReplyRequested request) throws ProviderException {
        BusinessKnowledge context = snapshot.execute(status -> knowledge.load(request.getBusinessId())
                .withProducts(catalog.offered(request.getBusinessId())));
        return answering.answer(request, context);
    }
}
