package com.sellavie.ai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sellavie.platform.test.MigratingDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V4 on real PostgreSQL, as a service's own non-superuser role (row-level security binds it):
 * the products ai-service kept in {@code knowledge} move to {@code legacy_products}, in minor units.
 */
class LegacyProductsMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private MigratingDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion3WithProductsInTheKnowledgeTable() {
        database = MigratingDatabase.create("t_ai_legacy").migrateTo("3");
        jdbc = database.jdbc();
        database.asTenant(shopA, () -> {
            insertProduct(shopA, "LINEN-SHIRT-M", "Linen Shirt", "White", "25.00", "USD", true);
            insertProduct(shopA, "SILK-SCARF", "Silk Scarf", null, "40.5", "USD", false);
            insertProduct(shopA, "FAN", "Paper fan", null, "12.50", "JPY", true);
            insertProduct(shopA, "LAMP", "Brass lamp", null, "1.25", "KWD", true);
            jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body) VALUES (?, 'FAQ', 'delivery', "
                    + "'Do you deliver?', 'Yes.')", shopA);
        });
        database.asTenant(shopB, () -> insertProduct(shopB, "GELE", "Gele", null, "7000", "NGN", true));
    }

    @Test
    void productsMoveToLegacyProductsInMinorUnitsWithTheCurrencysDigits() {
        database.migrate();

        List<Object[]> rows = database.asTenant(shopA, () -> jdbc.query("SELECT sku, name, description, price_minor, "
                + "currency, stock, active FROM legacy_products WHERE business_id = ? ORDER BY sku",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6), rs.getBoolean(7)}, shopA));
        assertThat(rows).extracting(r -> tuple(r))
                .containsExactly(
                        tuple(new Object[] {"FAN", "Paper fan", null, 13L, "JPY", null, true}),
                        tuple(new Object[] {"LAMP", "Brass lamp", null, 1250L, "KWD", null, true}),
                        tuple(new Object[] {"LINEN-SHIRT-M", "Linen Shirt", "White", 2500L, "USD", null, true}),
                        tuple(new Object[] {"SILK-SCARF", "Silk Scarf", null, 4050L, "USD", 0, true}));
    }

    @Test
    void eachBusinessKeepsItsOwnProductsAndItsFaqs() {
        database.migrate();

        assertThat(database.asTenant(shopB, () -> jdbc.queryForList("SELECT sku || ':' || price_minor FROM legacy_products",
                String.class))).containsExactly("GELE:700000");
        assertThat(database.asTenant(shopA, () -> jdbc.queryForList("SELECT kind || ':' || key FROM knowledge",
                String.class))).containsExactly("FAQ:delivery");
        assertThat(database.asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM knowledge", Integer.class)))
                .isZero();
    }

    private void insertProduct(UUID business, String sku, String name, String description, String price,
            String currency, boolean available) {
        jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body, price, currency, available) "
                + "VALUES (?, 'PRODUCT', ?, ?, ?, ?::numeric, ?, ?)", business, sku, name, description, price,
                currency, available);
    }

}
