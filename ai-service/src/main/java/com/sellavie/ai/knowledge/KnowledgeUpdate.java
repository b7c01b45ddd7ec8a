package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.KnowledgeDocument.FaqEntry;
import com.sellavie.ai.knowledge.KnowledgeDocument.ProfileEntry;
import java.util.List;

/**
 * The body of {@code PUT /api/ai/knowledge}. Fields are nullable here so that a missing one becomes a
 * field error ({@link KnowledgeDocumentValidator}) rather than a default.
 *
 * @param faqs     the whole FAQ (required; an empty list clears it)
 * @param profile  the whole profile (optional; absent clears it)
 * @param products no longer accepted: read only to refuse it with a field error that says where the
 *                 catalog went (a client written for the old API must not think its products were saved)
 */
record KnowledgeUpdate(List<FaqEntry> faqs, ProfileEntry profile, Object products) {
}
