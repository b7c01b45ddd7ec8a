package com.sellavie.ai.catalog;

import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies commerce's catalog events to the assistant's copy, in the caller's (the inbox's)
 * transaction: the latest state per product wins by {@code occurredAt}, so a replayed or late older
 * event changes nothing.
 */
@Service
public class CatalogUpdates {

    private static final Logger log = LoggerFactory.getLogger(CatalogUpdates.class);

    private final CatalogProducts products;

    CatalogUpdates(CatalogProducts products) {
        this.products = products;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ProductUpserted event) {
        UUID business = tenantOf(event.getBusinessId());
        boolean applied = products.upsert(business, event.getProductId(), event.getSku(), event.getName(),
                event.getDescription(), event.getPriceMinor(), event.getCurrency(), event.getStock(),
                event.getActive(), Timestamp.from(event.getOccurredAt()));
        log.info("Catalog product {} ({}) of business {} {}", event.getProductId(), event.getSku(), business,
                applied ? "upserted" : "unchanged: a later state is already stored");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ProductRemoved event) {
        UUID business = tenantOf(event.getBusinessId());
        boolean applied = products.remove(business, event.getProductId(), event.getSku(),
                Timestamp.from(event.getOccurredAt()));
        log.info("Catalog product {} ({}) of business {} {}", event.getProductId(), event.getSku(), business,
                applied ? "removed" : "unchanged: a later state is already stored");
    }

    /**
     * The record's tenant (its businessId header), which must be the event's own: a mismatch is a
     * producer bug and goes to the dead-letter topic rather than filing a product under the wrong business.
     */
    private static UUID tenantOf(UUID eventBusinessId) {
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(eventBusinessId)) {
            throw new IllegalArgumentException("businessId header " + tenant + " differs from the event's "
                    + eventBusinessId);
        }
        return tenant;
    }
}
