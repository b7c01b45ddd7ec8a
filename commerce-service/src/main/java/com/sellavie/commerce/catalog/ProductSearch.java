package com.sellavie.commerce.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code GET /api/catalog/products}: a filtered list, sorted by name; a plain query reads better than a derived one. */
@Component
class ProductSearch {

    private final JdbcTemplate jdbc;

    ProductSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param text   matched anywhere in the name or the sku, ignoring case; null for all
     * @param active only active (true) or inactive (false) products; null for both
     */
    List<ProductView> find(UUID businessId, String text, Boolean active) {
        StringBuilder sql = new StringBuilder("SELECT sku, name, description, price_minor, currency, stock, active "
                + "FROM products WHERE business_id = ?");
        List<Object> args = new ArrayList<>(List.of(businessId));
        if (text != null && !text.isBlank()) {
            sql.append(" AND (lower(name) LIKE ? ESCAPE '\\' OR lower(sku) LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            args.add(pattern);
            args.add(pattern);
        }
        if (active != null) {
            sql.append(" AND active = ?");
            args.add(active);
        }
        sql.append(" ORDER BY lower(name), lower(sku)");
        return jdbc.query(sql.toString(), (rs, row) -> new ProductView(rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getLong("price_minor"), rs.getString("currency"),
                rs.getObject("stock", Integer.class), rs.getBoolean("active")), args.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
