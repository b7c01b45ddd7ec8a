package com.sellavie.ai.knowledge;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ai/knowledge}: the FAQ and business profile the assistant answers
 * from (products are commerce's catalog, {@code /api/catalog/products}). The business is
 * the access token's; every role may read it, only OWNER and ADMIN may replace it.
 */
@RestController
@RequestMapping("/api/ai/knowledge")
class KnowledgeController {

    private final MerchantKnowledge knowledge;

    KnowledgeController(MerchantKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    KnowledgeDocument get() {
        return knowledge.current();
    }

    /** The role is checked before the document is validated: an AGENT gets 403, never field errors. */
    @PutMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    KnowledgeDocument replace(@RequestBody(required = false) KnowledgeUpdate document) {
        return knowledge.replace(document);
    }
}
