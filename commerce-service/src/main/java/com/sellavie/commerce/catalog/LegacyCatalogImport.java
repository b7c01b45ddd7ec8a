package com.sellavie.commerce.catalog;

import com.sellavie.commerce.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-off hand-over of the product list ai-service used to keep: creates the products whose sku
 * the business does not have yet, skips the others (so the merchant's later edits win and a repeat
 * changes nothing), all in one transaction, or nothing at all when any entry is invalid.
 * Runs as the business named in the request (the caller holds the service token).
 */
@Service
class LegacyCatalogImport {

    private final Products products;
    private final CatalogEvents events;
    private final Clock clock;

    LegacyCatalogImport(Products products, CatalogEvents events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /** Must run with {@code businessId} as the current tenant. */
    @Transactional
    LegacyImportResult importProducts(UUID businessId, List<ProductInput> entries) {
        List<ProductDetails> valid = validate(entries);
        Set<String> existing = products.findAllOf(businessId).stream()
                .map(p -> p.sku().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int created = 0;
        for (ProductDetails details : valid) {
            if (existing.add(details.sku().toLowerCase(Locale.ROOT))) {
                Product product = Product.create(businessId, details, now);
                try {
                    products.save(product);
                } catch (RuntimeException e) {
                    if (Catalog.causedByDuplicateKey(e)) {
                        // The merchant created this sku meanwhile: all rolls back; a retry skips it.
                        throw CatalogConflictException.changedMeanwhile(details.sku());
                    }
                    throw e;
                }
                events.upserted(product, now);
                created++;
            }
        }
        return new LegacyImportResult(created, valid.size() - created);
    }

    private static List<ProductDetails> validate(List<ProductInput> entries) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (entries == null) {
            throw new InvalidInputException(Map.of("products", "is required (an empty list is fine)"));
        }
        List<ProductDetails> valid = new ArrayList<>();
        Map<String, Integer> firstIndexOfSku = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String prefix = "products[" + i + "].";
            if (entries.get(i) == null) {
                errors.put("products[" + i + "]", "must be a product");
                continue;
            }
            ProductDetails details = ProductRules.validate(entries.get(i), prefix, errors);
            if (details == null) {
                continue;
            }
            Integer first = firstIndexOfSku.putIfAbsent(details.sku().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                errors.put(prefix + "sku", "appears twice (first at products[" + first + "])");
                continue;
            }
            valid.add(details);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return valid;
    }
}
