package com.sellavie.commerce.catalog;

import java.math.BigDecimal;

/**
 * A product as sent in JSON ({@code POST/PUT /api/catalog/products}, the legacy hand-over), not yet
 * validated. Numbers are BigDecimal so that 2500.5 is refused rather than silently truncated.
 */
record ProductInput(String sku, String name, String description, BigDecimal priceMinor, String currency,
        BigDecimal stock, Boolean active) {
}
