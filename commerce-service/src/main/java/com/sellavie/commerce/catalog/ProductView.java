package com.sellavie.commerce.catalog;

/** A product as the API shows it; amounts in minor units, {@code stock} null for unlimited. */
record ProductView(String sku, String name, String description, long priceMinor, String currency, Integer stock,
        boolean active) {

    static ProductView of(ProductDetails details) {
        return new ProductView(details.sku(), details.name(), details.description(), details.priceMinor(),
                details.currency(), details.stock(), details.active());
    }
}
