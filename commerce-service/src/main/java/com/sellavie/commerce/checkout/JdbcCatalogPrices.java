package com.sellavie.commerce.checkout;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the catalog's {@code products} table (row-level security: the current business only). */
@Component
class JdbcCatalogPrices implements CatalogPrices {

    private final JdbcTemplate jdbc;

    JdbcCatalogPrices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PricedProduct> find(String sku) {
        return jdbc.query("SELECT sku, name, price_minor, currency, stock, active FROM products "
                + "WHERE lower(sku) = lower(?)", (rs, i) -> new PricedProduct(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4).strip(), (Integer) rs.getObject(5), rs.getBoolean(6)), sku)
                .stream().findFirst();
    }
}
