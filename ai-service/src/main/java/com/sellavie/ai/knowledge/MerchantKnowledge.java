package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.KnowledgeDocumentValidator.Seed;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's own view of its FAQ and business profile: read it, or replace it whole. Always the
 * current tenant's (the access token's business), under row-level tenancy.
 */
@Service
class MerchantKnowledge {

    private final KnowledgeRepository knowledge;

    MerchantKnowledge(KnowledgeRepository knowledge) {
        this.knowledge = knowledge;
    }

    @Transactional(readOnly = true)
    KnowledgeDocument current() {
        return KnowledgeDocument.of(knowledge.load(TenantContext.requireBusinessId()));
    }

    /**
     * Validates the whole document first (nothing is written if any field is wrong), then swaps the
     * old seed for the new one in one transaction: a reply being made meanwhile sees one or the other.
     */
    @Transactional
    KnowledgeDocument replace(KnowledgeUpdate document) {
        Seed seed = KnowledgeDocumentValidator.validate(document);
        UUID businessId = TenantContext.requireBusinessId();
        knowledge.replaceSeed(businessId, seed.faqs(), seed.profile());
        return KnowledgeDocument.of(knowledge.load(businessId));
    }
}
