package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a business's name and FAQ in one go (upserts: seeding twice is harmless), for tests and
 * in-process seeding; runs as the business (tenancy), whoever calls it. Products are not seeded
 * here: they arrive from commerce's catalog ({@code commerce.catalog}).
 */
@Component
public class AiContextSeeder {

    private final KnowledgeRepository knowledge;
    private final TransactionTemplate transaction;

    AiContextSeeder(KnowledgeRepository knowledge, TransactionTemplate transaction) {
        this.knowledge = knowledge;
        this.transaction = transaction;
    }

    public void seed(UUID businessId, String businessName, List<Faq> faqs) {
        TenantContext.runAs(businessId, () -> transaction.executeWithoutResult(status -> {
            knowledge.saveBusiness(businessId, businessName);
            faqs.forEach(faq -> knowledge.saveFaq(businessId, faq));
        }));
    }
}
