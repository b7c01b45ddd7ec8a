package com.sellavie.ai.catalog;

import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code legacy_products} table: the products ai-service kept itself before the catalog moved to
 * commerce (Flyway V4), waiting to be handed over. Nothing writes to it any more; rows only go.
 */
@Repository
class LegacyProducts {

    /** The global lookup (sellavie.tenancy.global-lookups) that finds businesses with products to hand over. */
    static final String PENDING_LOOKUP = "legacy-products-pending";

    private final JdbcTemplate jdbc;

    LegacyProducts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Businesses that still have legacy products. Run in the {@value #PENDING_LOOKUP} global lookup. */
    List<UUID> businesses(int limit) {
        return jdbc.queryForList("SELECT DISTINCT business_id FROM legacy_products ORDER BY business_id LIMIT ?",
                UUID.class, limit);
    }

    /** The business's legacy products as commerce's import takes them. Run as the business. */
    List<LegacyProduct> of(UUID businessId) {
        return jdbc.query("SELECT sku, name, description, price_minor, currency, stock, active FROM legacy_products "
                + "WHERE business_id = ? ORDER BY sku", (rs, i) -> new LegacyProduct(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5).strip(), (Integer) rs.getObject(6),
                        rs.getBoolean(7)), businessId);
    }

    /** The active ones, as the assistant offers them. Run as the business. */
    List<Product> offered(UUID businessId) {
        return of(businessId).stream().filter(LegacyProduct::active).map(LegacyProduct::toProduct).toList();
    }

    /** Deletes the given skus of the business (the ones commerce took). Run as the business. */
    int delete(UUID businessId, List<String> skus) {
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "DELETE FROM legacy_products WHERE business_id = ? AND sku = ANY (?)");
            statement.setObject(1, businessId);
            statement.setArray(2, connection.createArrayOf("text", skus.toArray()));
            return statement;
        });
    }
}
