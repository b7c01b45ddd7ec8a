package com.sellavie.ai.catalog;

import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The products the assistant may offer a business's customers, and the only skus a CHECKOUT may name:
 * commerce's catalog once it has reached the business; until then the legacy products not yet handed
 * over, so no tenant is without a catalog during the move. Run as the business, inside the caller's
 * (read) transaction.
 */
@Service
public class Catalog {

    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    private static final Pattern PLAIN_SKU = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}");

    private final CatalogProducts catalog;
    private final LegacyProducts legacy;

    Catalog(CatalogProducts catalog, LegacyProducts legacy) {
        this.catalog = catalog;
        this.legacy = legacy;
    }

    /**
     * Active products by sku; availability is each product's own ({@link Product#available()}). A sku
     * that could break or forge a tag (quotes, brackets, blanks, ...) is left out: the assistant writes
     * skus verbatim into CHECKOUT tags.
     */
    public List<Product> offered(UUID businessId) {
        List<Product> products = catalog.known(businessId) ? catalog.offered(businessId) : legacy.offered(businessId);
        return products.stream().filter(product -> {
            boolean plain = PLAIN_SKU.matcher(product.sku()).matches();
            if (!plain) {
                log.warn("Product of business {} not offered by the assistant: its sku has characters a CHECKOUT "
                        + "tag cannot carry", businessId);
            }
            return plain;
        }).toList();
    }
}
