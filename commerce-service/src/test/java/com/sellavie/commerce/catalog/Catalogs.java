package com.sellavie.commerce.catalog;

import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Fixtures and topic reads shared by the catalog tests. */
final class Catalogs {

    static final String TOPIC = Topics.COMMERCE_CATALOG.name();

    private Catalogs() {
    }

    static String product(String sku, String name, long priceMinor, String currency, Integer stock, boolean active) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"Soft linen, breathable\","
                + "\"priceMinor\":" + priceMinor + ",\"currency\":\"" + currency + "\",\"stock\":" + stock
                + ",\"active\":" + active + "}";
    }

    static String linenShirt(String sku) {
        return product(sku, "Linen shirt", 2_500_000, "NGN", 12, true);
    }

    /** A sku no other test uses (the broker and database are shared by the test JVM). */
    static String sku(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<ConsumerRecord<String, ProductUpserted>> upserts(UUID business, int count) {
        return KafkaEvents.awaitCount(TOPIC, ProductUpserted.class, e -> e.getBusinessId().equals(business), count);
    }

    static List<ConsumerRecord<String, ProductUpserted>> upsertsWithin(UUID business, Duration window) {
        return KafkaEvents.collect(TOPIC, ProductUpserted.class, e -> e.getBusinessId().equals(business), window);
    }

    static List<ConsumerRecord<String, ProductRemoved>> removals(UUID business, int count) {
        return KafkaEvents.awaitCount(TOPIC, ProductRemoved.class, e -> e.getBusinessId().equals(business), count);
    }
}
