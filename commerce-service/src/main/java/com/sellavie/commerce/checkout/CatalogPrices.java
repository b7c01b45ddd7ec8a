package com.sellavie.commerce.checkout;

import com.sellavie.commerce.catalog.CatalogPriceList;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The catalog as checkout sees it: a product's price and availability now, from the catalog feature. */
@Component
class CatalogPrices {

    private final CatalogPriceList catalog;

    CatalogPrices(CatalogPriceList catalog) {
        this.catalog = catalog;
    }

    /** The business's product with this sku (case-insensitive), active or not. Run as the business. */
    Optional<PricedProduct> find(UUID businessId, String sku) {
        return catalog.find(businessId, sku).map(q -> new PricedProduct(q.sku(), q.name(), q.priceMinor(),
                q.currency(), q.stock(), q.active()));
    }

    /**
     * @param stock null = unlimited
     */
    record PricedProduct(String sku, String name, long priceMinor, String currency, Integer stock, boolean active) {
    }
}
