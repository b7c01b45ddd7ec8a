package com.sellavie.commerce.catalog;

import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Hands catalog changes to the outbox, in the caller's transaction, keyed by product id
 * ({@code commerce.catalog} is compacted: the latest state per product is what stays).
 */
@Component
class CatalogEvents {

    private final Outbox outbox;

    CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void upserted(Product product, Instant now) {
        EventMetadata meta = EventMetadata.startOfJourney(product.businessId(), now);
        ProductDetails details = product.details();
        outbox.publish(ProductUpserted.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(now)
                .setBusinessId(product.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(null)
                .setProductId(product.id())
                .setSku(details.sku())
                .setName(details.name())
                .setDescription(details.description())
                .setPriceMinor(details.priceMinor())
                .setCurrency(details.currency())
                .setStock(details.stock())
                .setActive(details.active())
                .build(), product.id().toString());
    }

    void removed(Product product, Instant now) {
        EventMetadata meta = EventMetadata.startOfJourney(product.businessId(), now);
        outbox.publish(ProductRemoved.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(now)
                .setBusinessId(product.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(null)
                .setProductId(product.id())
                .setSku(product.sku())
                .build(), product.id().toString());
    }
}
