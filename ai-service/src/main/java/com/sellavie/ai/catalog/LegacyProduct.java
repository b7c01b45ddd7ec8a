package com.sellavie.ai.catalog;

import com.sellavie.ai.knowledge.BusinessKnowledge.Product;

/**
 * A product ai-service kept before the catalog moved to commerce; also one entry of commerce's
 * {@code POST /internal/catalog/legacy-import} body (contracts.md), field for field.
 *
 * @param priceMinor minor units of {@code currency}
 * @param stock      {@code null} = unlimited, 0 = unavailable
 */
record LegacyProduct(String sku, String name, String description, long priceMinor, String currency, Integer stock,
        boolean active) {

    Product toProduct() {
        return new Product(sku, name, description, priceMinor, currency, stock);
    }
}
