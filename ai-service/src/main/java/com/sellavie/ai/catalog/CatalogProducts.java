package com.sellavie.ai.catalog;

import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_products} table: commerce's catalog as seen on {@code commerce.catalog}, one row
 * per product, the latest event's state. Runs as the current tenant (row-level security).
 */
@Repository
class CatalogProducts {

    private final JdbcTemplate jdbc;

    CatalogProducts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the product's state unless the row already reflects a later event (same instant: the
     * later delivery wins). Returns whether it was applied.
     */
    boolean upsert(UUID businessId, UUID productId, String sku, String name, String description, long priceMinor,
            String currency, Integer stock, boolean active, Timestamp occurredAt) {
        return jdbc.update("INSERT INTO catalog_products (business_id, product_id, sku, name, description, "
                + "price_minor, currency, stock, active, removed, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?) ON CONFLICT (business_id, product_id) DO UPDATE SET "
                + "sku = excluded.sku, name = excluded.name, description = excluded.description, "
                + "price_minor = excluded.price_minor, currency = excluded.currency, stock = excluded.stock, "
                + "active = excluded.active, removed = false, occurred_at = excluded.occurred_at, updated_at = now() "
                + "WHERE catalog_products.occurred_at <= excluded.occurred_at",
                businessId, productId, sku, name, description, priceMinor, currency, stock, active, occurredAt) == 1;
    }

    /** Marks the product removed (a tombstone, so an older upsert arriving late cannot revive it). */
    boolean remove(UUID businessId, UUID productId, String sku, Timestamp occurredAt) {
        return jdbc.update("INSERT INTO catalog_products (business_id, product_id, sku, removed, occurred_at) "
                + "VALUES (?, ?, ?, true, ?) ON CONFLICT (business_id, product_id) DO UPDATE SET removed = true, "
                + "occurred_at = excluded.occurred_at, updated_at = now() "
                + "WHERE catalog_products.occurred_at <= excluded.occurred_at",
                businessId, productId, sku, occurredAt) == 1;
    }

    /** Whether commerce's catalog has reached this business (any product, even removed or inactive). */
    boolean known(UUID businessId) {
        return !jdbc.queryForList("SELECT 1 FROM catalog_products WHERE business_id = ? LIMIT 1", Integer.class,
                businessId).isEmpty();
    }

    /**
     * The active products, by sku. Two live rows with one sku (a product removed and its sku reused,
     * their events crossing) resolve to the newer.
     */
    List<Product> offered(UUID businessId) {
        Map<String, Row> bySku = new LinkedHashMap<>();
        jdbc.query("SELECT sku, name, description, price_minor, currency, stock, active FROM catalog_products "
                + "WHERE business_id = ? AND NOT removed ORDER BY sku, occurred_at DESC",
                (rs, i) -> new Row(new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5).strip(), (Integer) rs.getObject(6)), rs.getBoolean(7)), businessId)
                .forEach(row -> bySku.putIfAbsent(row.product().sku().toLowerCase(Locale.ROOT), row));
        return bySku.values().stream().filter(Row::active).map(Row::product).toList();
    }

    private record Row(Product product, boolean active) {
    }
}
