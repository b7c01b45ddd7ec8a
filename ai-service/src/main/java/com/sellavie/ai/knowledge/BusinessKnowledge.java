package com.sellavie.ai.knowledge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a reply may draw on for one business.
 *
 * @param businessId   the tenant
 * @param businessName its display name ({@link #UNKNOWN_NAME} until BusinessRegistered arrives)
 * @param faqs         questions the merchant answered in advance
 * @param products     the catalog seed; the only skus a CHECKOUT may name
 */
public record BusinessKnowledge(UUID businessId, String businessName, List<Faq> faqs, List<Product> products) {

    /** The name used while ai-service has not heard of the business yet. */
    public static final String UNKNOWN_NAME = "our shop";

    public BusinessKnowledge {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(businessName, "businessName");
        faqs = List.copyOf(faqs);
        products = List.copyOf(products);
    }

    public List<String> skus() {
        return products.stream().map(Product::sku).toList();
    }

    /**
     * A prepared answer.
     *
     * @param topic    a keyword that, found in the customer's message, selects it (e.g. {@code delivery})
     * @param question the question as the merchant wrote it
     * @param answer   the answer
     */
    public record Faq(String topic, String question, String answer) {
    }

    /**
     * A product of the catalog seed.
     *
     * @param price    in {@code currency}, two decimals
     * @param currency ISO 4217 code
     */
    public record Product(String sku, String name, String description, BigDecimal price, String currency,
            boolean available) {
    }
}
