package com.sellavie.commerce.order;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of an order at the price charged. {@code businessId} is repeated on the row so row-level
 * security covers the lines too.
 */
@Table("order_lines")
public record OrderLine(UUID businessId, String sku, String name, int quantity, long unitPriceMinor) {

    public OrderLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (unitPriceMinor < 0) {
            throw new IllegalArgumentException("unitPriceMinor must not be negative");
        }
    }

    long totalMinor() {
        return Math.multiplyExact(unitPriceMinor, (long) quantity);
    }
}
