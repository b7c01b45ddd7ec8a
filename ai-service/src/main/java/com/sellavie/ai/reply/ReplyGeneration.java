package com.sellavie.ai.reply;

import com.sellavie.ai.catalog.Catalog;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.orders.ContactOrders;
import com.sellavie.ai.provider.BusinessChains;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.settings.AiSettingsService;
import com.sellavie.ai.settings.Budget;
import com.sellavie.ai.settings.BudgetPolicy;
import com.sellavie.ai.settings.ReplySettings;
import com.sellavie.ai.usage.UsageLedger;
import com.sellavie.events.conversation.ReplyRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the answer to one ReplyRequested: tenant context (name, profile, FAQ, the catalog's products
 * on offer, the customer's orders) and AI settings, then {@link ReplyAnswering} (moderation, prompt,
 * provider chain: the business's own order, models and keys when it saved settings, else the
 * deployment's; tags, checks on the reply). Publishes nothing. A business whose monthly budget is
 * reached (the month's recorded cost, read before any model call) gets its cheaper model, or no model
 * call at all ({@link BudgetReachedException}). Never inside a transaction: the context is read in its own short
 * read-only transaction, which ends before the model is called; the call holds no connection. The
 * business's seed (profile and FAQ) comes in one statement, so one replaced meanwhile is seen whole or
 * not at all; READ COMMITTED is enough for that, and spares the three round trips a REPEATABLE READ
 * transaction costs through JDBC (read the session's level, set it, set it back).
 */
@Service
class ReplyGeneration {

    private final KnowledgeRepository knowledge;
    private final Catalog catalog;
    private final ContactOrders orders;
    private final ReplyAnswering answering;
    private final AiSettingsService settings;
    private final BusinessChains businessChains;
    private final UsageLedger usage;
    private final MeterRegistry meters;
    private final TransactionTemplate readOnly;

    ReplyGeneration(KnowledgeRepository knowledge, Catalog catalog, ContactOrders orders,
            ReplyAnswering answering, AiSettingsService settings, BusinessChains businessChains,
            UsageLedger usage, MeterRegistry meters, PlatformTransactionManager transactions) {
        this.knowledge = knowledge;
        this.orders = orders;
        this.usage = usage;
        this.meters = meters;
        this.settings = settings;
        this.businessChains = businessChains;
        this.catalog = catalog;
        this.answering = answering;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Run as the request's business.
     *
     * @throws ProviderException no provider answered: {@link ProviderException#failover()} tells a
     *                           transient failure (worth a later retry) from a permanent one
     * @throws AiSwitchedOffException the business switched the assistant off on this channel kind
     * @throws BudgetReachedException the business's monthly budget is reached and it hands replies to a person
     */
    @Transactional(propagation = Propagation.NEVER)
    public Answer generate(ReplyRequested request)
            throws ProviderException, AiSwitchedOffException, BudgetReachedException {
        Context read = readOnly.execute(status -> {
            Optional<ReplySettings> own = settings.forReplies(request.getBusinessId());
            long spent = own.map(ReplySettings::budget).isPresent()
                    ? usage.monthToDateMicroUsd(request.getBusinessId()) : 0;
            return new Context(knowledge.load(request.getBusinessId())
                    .withProducts(catalog.offered(request.getBusinessId()))
                    .withOrders(orders.of(request.getBusinessId(), request.getContactId(), request.getConversationId())),
                    own, spent);
        });
        Optional<ReplySettings> own = read.settings();
        if (own.isPresent() && !own.get().answersOn(request.getChannelType())) {
            throw new AiSwitchedOffException(request.getChannelType());
        }
        Budget budget = own.map(ReplySettings::budget).orElse(null);
        if (budget != null && budget.reachedBy(read.spentMicroUsd())) {
            meters.counter("sellavie.ai.budget.reached", "policy", budget.onBudget().name()).increment();
            if (budget.onBudget() == BudgetPolicy.HANDOFF) {
                throw new BudgetReachedException("the monthly AI budget of " + budget.monthlyUsd().toPlainString()
                        + " USD is reached (" + read.spentMicroUsd() + " micro-USD spent this month)");
            }
            ReplyOptions cheaper = ReplyOptions.of(own.map(ReplySettings::withCheaperModel),
                    s -> businessChains.chain(s.providers()));
            return answering.respond(request, read.knowledge(), cheaper).withBudgetFallback();
        }
        return answering.respond(request, read.knowledge(),
                ReplyOptions.of(own, s -> businessChains.chain(s.providers())));
    }

    /**
     * What the read-only transaction read: the business's context, its AI settings (empty: the deployment's) and, when
     * it has a budget, what its replies cost this month.
     */
    private record Context(BusinessKnowledge knowledge, Optional<ReplySettings> settings, long spentMicroUsd) {
    }
}
