package com.sellavie.commerce.catalog;

/**
 * A product's whole state as a merchant sets it, already validated ({@link ProductRules}).
 *
 * @param stock null for unlimited, 0 for unavailable
 */
record ProductDetails(String sku, String name, String description, long priceMinor, String currency,
        Integer stock, boolean active) {
}
