package com.sellavie.commerce.checkout;

import java.util.Optional;

/** The catalog as checkout sees it: a product's price and availability now, for the current business. */
interface CatalogPrices {

    /** The current business's product with this sku (case-insensitive), active or not. */
    Optional<PricedProduct> find(String sku);

    /**
     * @param stock null = unlimited
     */
    record PricedProduct(String sku, String name, long priceMinor, String currency, Integer stock, boolean active) {
    }
}
