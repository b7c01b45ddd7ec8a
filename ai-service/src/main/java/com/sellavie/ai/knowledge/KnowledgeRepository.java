package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        // One statement, so one snapshot: a seed (profile and FAQ) replaced meanwhile is seen whole or not at all.
        return jdbc.query("SELECT b.name, b.language, b.time_zone, b.business_id IS NOT NULL, "
                + "p.about, p.opening_hours, p.delivery, p.returns, p.payment_methods, p.business_id IS NOT NULL, "
                + "faq.keys, faq.titles, faq.bodies "
                + "FROM (SELECT ?::uuid AS id) wanted "
                + "LEFT JOIN businesses b ON b.business_id = wanted.id "
                + "LEFT JOIN business_profiles p ON p.business_id = wanted.id "
                + "CROSS JOIN LATERAL (SELECT array_agg(k.key ORDER BY k.key) AS keys, "
                + "array_agg(k.title ORDER BY k.key) AS titles, array_agg(k.body ORDER BY k.key) AS bodies "
                + "FROM knowledge k WHERE k.business_id = wanted.id AND k.kind = 'FAQ') faq", (rs, i) -> {
                    boolean known = rs.getBoolean(4);
                    BusinessKnowledge.Settings settings = known
                            ? new BusinessKnowledge.Settings(rs.getString(2), rs.getString(3))
                            : BusinessKnowledge.Settings.NONE;
                    String name = known && rs.getString(1) != null ? rs.getString(1) : BusinessKnowledge.UNKNOWN_NAME;
                    Profile profile = rs.getBoolean(10) ? new Profile(rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)) : Profile.EMPTY;
                    return new BusinessKnowledge(businessId, name, profile, faqs(rs), List.of(), settings);
                }, businessId).getFirst();
    }

    /** The FAQ columns: three arrays in the same key order (null when there is none). */
    private static List<Faq> faqs(ResultSet rs) throws SQLException {
        Array keys = rs.getArray("keys");
        if (keys == null) {
            return List.of();
        }
        String[] topics = (String[]) keys.getArray();
        String[] questions = (String[]) rs.getArray("titles").getArray();
        String[] answers = (String[]) rs.getArray("bodies").getArray();
        List<Faq> faqs = new ArrayList<>(topics.length);
        for (int i = 0; i < topics.length; i++) {
            faqs.add(new Faq(topics[i], questions[i], answers[i]));
        }
        return faqs;
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
