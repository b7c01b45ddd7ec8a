package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code businesses}, {@code business_profiles} and {@code knowledge} (FAQ) tables. Every
 * statement runs as the current tenant (row-level security): callers set {@code TenantContext}.
 * Products are not here: they are commerce's catalog ({@code com.sellavie.ai.catalog}).
 */
@Repository
public class KnowledgeRepository {

    private final JdbcTemplate jdbc;

    KnowledgeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's name, profile and FAQ, with no products; an unknown business gets a neutral name. */
    public BusinessKnowledge load(UUID businessId) {
        // One statement for the business and its profile (each may be missing), one for the FAQ.
        Header header = jdbc.query("SELECT b.name, b.language, b.time_zone, b.business_id IS NOT NULL, "
                + "p.about, p.opening_hours, p.delivery, p.returns, p.payment_methods, p.business_id IS NOT NULL "
                + "FROM (SELECT ?::uuid AS id) wanted "
                + "LEFT JOIN businesses b ON b.business_id = wanted.id "
                + "LEFT JOIN business_profiles p ON p.business_id = wanted.id", (rs, i) -> {
                    boolean known = rs.getBoolean(4);
                    BusinessKnowledge.Settings settings = known
                            ? new BusinessKnowledge.Settings(rs.getString(2), rs.getString(3))
                            : BusinessKnowledge.Settings.NONE;
                    String name = known && rs.getString(1) != null ? rs.getString(1) : BusinessKnowledge.UNKNOWN_NAME;
                    Profile profile = rs.getBoolean(10) ? new Profile(rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)) : Profile.EMPTY;
                    return new Header(name, profile, settings);
                }, businessId).getFirst();
        List<Faq> faqs = jdbc.query("SELECT key, title, body FROM knowledge WHERE business_id = ? AND kind = 'FAQ' "
                + "ORDER BY key", (rs, i) -> new Faq(rs.getString(1), rs.getString(2), rs.getString(3)), businessId);
        return new BusinessKnowledge(businessId, header.name(), header.profile(), faqs, List.of(), header.settings());
    }

    private record Header(String name, Profile profile, BusinessKnowledge.Settings settings) {
    }

    /** Records or renames the business (the last name received wins); its settings are kept. */
    public void saveBusiness(UUID businessId, String name) {
        jdbc.update("INSERT INTO businesses (business_id, name) VALUES (?, ?) ON CONFLICT (business_id) "
                + "DO UPDATE SET name = excluded.name, updated_at = now()", businessId, name);
    }

    /** Records the business's whole profile as identity last announced it (BusinessUpdated). */
    public void saveBusiness(UUID businessId, String name, BusinessKnowledge.Settings settings) {
        jdbc.update("INSERT INTO businesses (business_id, name, language, time_zone) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (business_id) DO UPDATE SET name = excluded.name, language = excluded.language, "
                + "time_zone = excluded.time_zone, updated_at = now()", businessId, name, settings.language(),
                settings.timeZone());
    }

    /**
     * Replaces the business's whole FAQ and profile (its name is kept). Must run inside the caller's
     * transaction: the delete and the inserts commit together. Replacements of one business are
     * serialised on a transaction-scoped advisory lock, so two at once end with one of them whole
     * rather than a duplicate-key failure or a mix.
     */
    public void replaceSeed(UUID businessId, List<Faq> faqs, Profile profile) {
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
        saveProfile(businessId, profile);
    }

    public void saveFaq(UUID businessId, Faq faq) {
        jdbc.update("INSERT INTO knowledge (business_id, kind, key, title, body) VALUES (?, 'FAQ', ?, ?, ?) "
                + "ON CONFLICT (business_id, kind, key) DO UPDATE SET title = excluded.title, body = excluded.body, "
                + "updated_at = now()", businessId, faq.topic(), faq.question(), faq.answer());
    }

    /** Sets the profile; an empty one is no row at all. */
    public void saveProfile(UUID businessId, Profile profile) {
        if (profile == null || profile.isEmpty()) {
            jdbc.update("DELETE FROM business_profiles WHERE business_id = ?", businessId);
            return;
        }
        jdbc.update("INSERT INTO business_profiles (business_id, about, opening_hours, delivery, returns, "
                + "payment_methods) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (business_id) DO UPDATE SET "
                + "about = excluded.about, opening_hours = excluded.opening_hours, delivery = excluded.delivery, "
                + "returns = excluded.returns, payment_methods = excluded.payment_methods, updated_at = now()",
                businessId, profile.about(), profile.openingHours(), profile.delivery(), profile.returns(),
                profile.paymentMethods());
    }
}
