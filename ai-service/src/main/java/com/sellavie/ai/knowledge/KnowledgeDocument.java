package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.util.List;

/**
 * The JSON {@code GET /api/ai/knowledge} answers (and {@code PUT} answers with what it stored).
 *
 * @param faqs    the whole FAQ, sorted by topic
 * @param profile the business profile; every field {@code null} when none was given
 */
record KnowledgeDocument(List<FaqEntry> faqs, ProfileEntry profile) {

    static KnowledgeDocument of(BusinessKnowledge knowledge) {
        return new KnowledgeDocument(knowledge.faqs().stream().map(FaqEntry::of).toList(),
                ProfileEntry.of(knowledge.profile()));
    }

    /**
     * @param topic    keyword that selects the answer (the seeder's {@code topic})
     * @param question optional; the topic when absent
     * @param answer   what the customer is told
     */
    record FaqEntry(String topic, String question, String answer) {

        static FaqEntry of(Faq faq) {
            return new FaqEntry(faq.topic(), faq.question(), faq.answer());
        }
    }

    /** Short free texts about the business, each optional. */
    record ProfileEntry(String about, String openingHours, String delivery, String returns, String paymentMethods) {

        static ProfileEntry of(Profile profile) {
            return new ProfileEntry(profile.about(), profile.openingHours(), profile.delivery(), profile.returns(),
                    profile.paymentMethods());
        }
    }
}
