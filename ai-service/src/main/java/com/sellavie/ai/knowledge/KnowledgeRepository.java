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

    /**
     * Replaces the business's whole FAQ and catalog seed (its name is kept). Must run inside the
     * caller's transaction: the delete and the inserts commit together. Replacements of one business
     * are serialised on a transaction-scoped advisory lock, so two at once end with one of them whole
     * rather than a duplicate-key failure or a mix.
     */
    public void replaceSeed(UUID businessId, List<Faq> faqs, List<Product> products) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('sellavie-ai-knowledge:' || ?::text, 0))",
                businessId);
        jdbc.update("DELETE FROM knowledge WHERE business_id = ?", businessId);
        jdbc.batchUpdate("INSERT INTO knowledge (business_id, kind, key, title, body) VALUES (?, 'FAQ', ?, ?, ?)",
                faqs, 100, (statement, faq) -> {
                    statement.setObject(1, businessId);
                    statement.setString(2, faq.topic());
                    statement.setString(3, faq.question());
                    statement.setString(4, faq.answer());
                });
        jdbc.batchUpdate("INSERT INTO knowledge (business_id, kind, key, title, body, price, currency, available) "
                + "VALUES (?, 'PRODUCT', ?, ?, ?, ?, ?, ?)", products, 100, (statement, product) -> {
                    statement.setObject(1, businessId);
                    statement.setString(2, product.sku());
                    statement.setString(3, product.name());
                    statement.setString(4, product.description());
                    statement.setBigDecimal(5, product.price());
                    statement.setString(6, product.currency());
                    statement.setBoolean(7, product.available());
                });
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
