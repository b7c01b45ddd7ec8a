package com.sellavie.ai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sellavie.platform.test.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway V4 on real PostgreSQL, as a service's own non-superuser role (row-level security binds it):
 * the products ai-service kept in {@code knowledge} move to {@code legacy_products}, in minor units.
 */
class LegacyProductsMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private TestPostgres.ServiceDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion3WithProductsInTheKnowledgeTable() throws Exception {
        database = TestPostgres.get().createServiceDatabase("t_ai_legacy");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(), database.owner().password());
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute(tenancyFunctions());
        flyway("3").migrate();
        asTenant(shopA, () -> {
            insertProduct(shopA, "LINEN-SHIRT-M", "Linen Shirt", "White", "25.00", "USD", true);
            insertProduct(shopA, "SILK-SCARF", "Silk Scarf", null, "40.5", "USD", false);
            insertProduct(shopA, "FAN", "Paper fan", null, "12.50", "JPY", true);
            insertProduct(shopA, "LAMP", "Brass lamp", null, "1.25", "KWD", true);
            jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body) VALUES (?, 'FAQ', 'delivery', "
                    + "'Do you deliver?', 'Yes.')", shopA);
        });
        asTenant(shopB, () -> insertProduct(shopB, "GELE", "Gele", null, "7000", "NGN", true));
    }

    @Test
    void productsMoveToLegacyProductsInMinorUnitsWithTheCurrencysDigits() {
        flyway(null).migrate();

        List<Object[]> rows = asTenant(shopA, () -> jdbc.query("SELECT sku, name, description, price_minor, "
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
        flyway(null).migrate();

        assertThat(asTenant(shopB, () -> jdbc.queryForList("SELECT sku || ':' || price_minor FROM legacy_products",
                String.class))).containsExactly("GELE:700000");
        assertThat(asTenant(shopA, () -> jdbc.queryForList("SELECT kind || ':' || key FROM knowledge",
                String.class))).containsExactly("FAQ:delivery");
        assertThat(asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM knowledge", Integer.class)))
                .isZero();
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration")
                // the tenancy functions, installed first (the platform's callback does it in a service), make
                // the schema non-empty: start the history below V1
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private void insertProduct(UUID business, String sku, String name, String description, String price,
            String currency, boolean available) {
        jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body, price, currency, available) "
                + "VALUES (?, 'PRODUCT', ?, ?, ?, ?::numeric, ?, ?)", business, sku, name, description, price,
                currency, available);
    }

    private void asTenant(UUID business, Runnable work) {
        asTenant(business, () -> {
            work.run();
            return null;
        });
    }

    private <T> T asTenant(UUID business, java.util.function.Supplier<T> work) {
        jdbc.queryForList("SELECT set_config('sellavie.business_id', ?, false)", String.class, business.toString());
        try {
            return work.get();
        } finally {
            jdbc.queryForList("SELECT set_config('sellavie.business_id', '', false)", String.class);
        }
    }

    private static String tenancyFunctions() throws IOException {
        try (InputStream in = LegacyProductsMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/tenancy/sellavie-tenancy-functions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
