package com.sellavie.commerce.catalog;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as other features read it (checkout prices orders from it): a product's price and
 * availability as they are now. Read-only; run as the business (row-level security).
 */
@Service
public class CatalogPriceList {

    private final Products products;

    CatalogPriceList(Products products) {
        this.products = products;
    }

    /** The business's product with this sku, ignoring case; active or not. */
    @Transactional(readOnly = true)
    public Optional<PriceQuote> find(UUID businessId, String sku) {
        return products.findBySku(businessId, sku).map(Product::details).map(d -> new PriceQuote(d.sku(), d.name(),
                d.priceMinor(), d.currency(), d.stock(), d.active()));
    }

    /** @param stock null = unlimited, 0 = unavailable */
    public record PriceQuote(String sku, String name, long priceMinor, String currency, Integer stock,
            boolean active) {
    }
}
