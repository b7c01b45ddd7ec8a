package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON of {@code /api/ai/knowledge}, read and written alike. Fields are nullable here so that a
 * missing one becomes a field error ({@link KnowledgeDocumentValidator}) rather than a default.
 *
 * @param faqs     the whole FAQ (an empty list clears it)
 * @param products the whole catalog seed (an empty list clears it)
 */
record KnowledgeDocument(List<FaqEntry> faqs, List<ProductEntry> products) {

    static KnowledgeDocument of(BusinessKnowledge knowledge) {
        return new KnowledgeDocument(knowledge.faqs().stream().map(FaqEntry::of).toList(),
                knowledge.products().stream().map(ProductEntry::of).toList());
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

    /**
     * @param available optional; {@code true} when absent
     */
    record ProductEntry(String sku, String name, String description, BigDecimal price, String currency,
            Boolean available) {

        static ProductEntry of(Product product) {
            return new ProductEntry(product.sku(), product.name(), product.description(), product.price(),
                    product.currency(), product.available());
        }
    }
}
