package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a business's name, FAQ and catalog in one go (upserts: seeding twice is harmless). The way
 * the local stack's demo business and the tests get their context until the AI settings API and
 * commerce's catalog events exist; runs as the business (tenancy), whoever calls it.
 */
@Component
public class AiContextSeeder {

    private final KnowledgeRepository knowledge;
    private final TransactionTemplate transaction;

    AiContextSeeder(KnowledgeRepository knowledge, TransactionTemplate transaction) {
        this.knowledge = knowledge;
        this.transaction = transaction;
    }

    public void seed(UUID businessId, String businessName, List<Faq> faqs, List<Product> products) {
        TenantContext.runAs(businessId, () -> transaction.executeWithoutResult(status -> {
            knowledge.saveBusiness(businessId, businessName);
            faqs.forEach(faq -> knowledge.saveFaq(businessId, faq));
            products.forEach(product -> knowledge.saveProduct(businessId, product));
        }));
    }
}
