package com.sellavie.commerce.catalog;

import com.sellavie.commerce.web.InvalidInputException;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's catalog, always the current tenant's. Each change and its event are one
 * transaction; a change that changes nothing writes and publishes nothing.
 */
@Service
class Catalog {

    private final Products products;
    private final ProductSearch search;
    private final CatalogEvents events;
    private final Clock clock;

    Catalog(Products products, ProductSearch search, CatalogEvents events, Clock clock) {
        this.products = products;
        this.search = search;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ProductView> list(String text, Boolean active) {
        return search.find(TenantContext.requireBusinessId(), text, active);
    }

    @Transactional(readOnly = true)
    ProductDetails get(String sku) {
        return products.findBySku(TenantContext.requireBusinessId(), sku)
                .orElseThrow(() -> new ProductNotFoundException(sku)).details();
    }

    @Transactional
    ProductDetails create(ProductInput input) {
        ProductDetails details = valid(input);
        UUID businessId = TenantContext.requireBusinessId();
        if (products.findBySku(businessId, details.sku()).isPresent()) {
            throw CatalogConflictException.skuTaken(details.sku());
        }
        Instant now = now();
        Product product = Product.create(businessId, details, now);
        save(product, details.sku(), true);
        events.upserted(product, now);
        return product.details();
    }

    /** PUT: creates the product, or replaces its whole state; the path's sku wins over the body's spelling. */
    @Transactional
    PutOutcome put(String sku, ProductInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        String pathSku = ProductRules.sku(sku, "", errors);
        if (errors.isEmpty() && input.sku() != null && !input.sku().strip().equalsIgnoreCase(pathSku)) {
            errors.put("sku", "must be the sku in the path ('" + pathSku + "') or left out; "
                    + "to rename a product, delete it and create the new sku");
        }
        ProductDetails details = ProductRules.validate(withSku(input, pathSku), "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID businessId = TenantContext.requireBusinessId();
        Instant now = now();
        Product existing = products.findBySku(businessId, pathSku).orElse(null);
        if (existing == null) {
            Product product = Product.create(businessId, details, now);
            save(product, pathSku, true);
            events.upserted(product, now);
            return new PutOutcome(product.details(), true);
        }
        if (existing.replaceWith(details, now)) {
            save(existing, pathSku, false);
            events.upserted(existing, now);
        }
        return new PutOutcome(existing.details(), false);
    }

    @Transactional
    void delete(String sku) {
        Product product = products.findBySku(TenantContext.requireBusinessId(), sku)
                .orElseThrow(() -> new ProductNotFoundException(sku));
        try {
            products.delete(product);
        } catch (OptimisticLockingFailureException e) {
            throw CatalogConflictException.changedMeanwhile(sku);
        }
        events.removed(product, now());
    }

    private void save(Product product, String sku, boolean creating) {
        try {
            products.save(product);
        } catch (OptimisticLockingFailureException e) {
            throw CatalogConflictException.changedMeanwhile(sku);
        } catch (RuntimeException e) {
            // Spring Data JDBC wraps the unique-index violation of a concurrent create of the same sku.
            if (creating && causedByDuplicateKey(e)) {
                throw CatalogConflictException.skuTaken(sku);
            }
            throw e;
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static boolean causedByDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static ProductDetails valid(ProductInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProductDetails details = ProductRules.validate(input, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return details;
    }

    private static ProductInput withSku(ProductInput input, String sku) {
        return new ProductInput(sku, input.name(), input.description(), input.priceMinor(), input.currency(),
                input.stock(), input.active());
    }

    /** The product after a PUT, and whether the PUT created it (201) or replaced or kept it (200). */
    record PutOutcome(ProductDetails product, boolean created) {
    }
}
