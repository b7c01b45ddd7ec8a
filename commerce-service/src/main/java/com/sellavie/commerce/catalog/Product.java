package com.sellavie.commerce.catalog;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A catalog product (aggregate root). Changes go through {@link #replaceWith}, which says whether
 * anything changed, so an edit that changes nothing publishes nothing. {@code version} is the
 * optimistic lock: a save based on a stale read fails instead of overwriting.
 */
@Table("products")
class Product {

    @Id
    private final UUID id;
    private final UUID businessId;
    private String sku;
    private String name;
    private String description;
    private long priceMinor;
    private String currency;
    private Integer stock;
    private boolean active;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Product(UUID id, UUID businessId, String sku, String name, String description, long priceMinor, String currency,
            Integer stock, boolean active, Instant createdAt, Instant updatedAt, Integer version) {
        this.id = id;
        this.businessId = businessId;
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.priceMinor = priceMinor;
        this.currency = currency;
        this.stock = stock;
        this.active = active;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Product create(UUID businessId, ProductDetails details, Instant now) {
        return new Product(UuidCreator.getTimeOrderedEpoch(), businessId, details.sku(), details.name(),
                details.description(), details.priceMinor(), details.currency(), details.stock(), details.active(),
                now, now, null);
    }

    /** Takes {@code details} as the whole new state; false (and nothing touched) when it is the current one. */
    boolean replaceWith(ProductDetails details, Instant now) {
        if (details.equals(details())) {
            return false;
        }
        sku = details.sku();
        name = details.name();
        description = details.description();
        priceMinor = details.priceMinor();
        currency = details.currency();
        stock = details.stock();
        active = details.active();
        updatedAt = now;
        return true;
    }

    ProductDetails details() {
        return new ProductDetails(sku, name, description, priceMinor, currency, stock, active);
    }

    UUID id() {
        return id;
    }

    UUID businessId() {
        return businessId;
    }

    String sku() {
        return sku;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
