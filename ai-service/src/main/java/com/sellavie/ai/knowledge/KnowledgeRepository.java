package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code businesses} and {@code knowledge} tables. Every statement runs as the current tenant
 * (row-level security): callers set {@code TenantContext}.
 */
@Repository
public class KnowledgeRepository {

    private final JdbcTemplate jdbc;

    KnowledgeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's knowledge; an unknown business gets a neutral name and no seed. */
    public BusinessKnowledge load(UUID businessId) {
        String name = jdbc.queryForList("SELECT name FROM businesses WHERE business_id = ?", String.class, businessId)
                .stream().findFirst().orElse(BusinessKnowledge.UNKNOWN_NAME);
        List<Faq> faqs = jdbc.query("SELECT key, title, body FROM knowledge WHERE business_id = ? AND kind = 'FAQ' "
                + "ORDER BY key", (rs, i) -> new Faq(rs.getString(1), rs.getString(2), rs.getString(3)), businessId);
        List<Product> products = jdbc.query("SELECT key, title, body, price, currency, available FROM knowledge "
                + "WHERE business_id = ? AND kind = 'PRODUCT' ORDER BY key",
                (rs, i) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getBoolean(6)), businessId);
        return new BusinessKnowledge(businessId, name, faqs, products);
    }

    /** Records or renames the business (the last name received wins). */
    public void saveBusiness(UUID businessId, String name) {
        jdbc.update("INSERT INTO businesses (business_id, name) VALUES (?, ?) ON CONFLICT (business_id) "
                + "DO UPDATE SET name = excluded.name, updated_at = now()", businessId, name);
    }

    public void saveFaq(UUID businessId, Faq faq) {
        jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body) VALUES (?, 'FAQ', ?, ?, ?) "
                + "ON CONFLICT (business_id, kind, key) DO UPDATE SET title = excluded.title, body = excluded.body, "
                + "updated_at = now()", businessId, faq.topic(), faq.question(), faq.answer());
    }

    public void saveProduct(UUID businessId, Product product) {
        jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body, price, currency, available) "
                + "VALUES (?, 'PRODUCT', ?, ?, ?, ?, ?, ?) ON CONFLICT (business_id, kind, key) DO UPDATE SET "
                + "title = excluded.title, body = excluded.body, price = excluded.price, currency = excluded.currency, "
                + "available = excluded.available, updated_at = now()", businessId, product.sku(), product.name(),
                product.description(), product.price(), product.currency(), product.available());
    }
}
