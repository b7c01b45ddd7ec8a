package com.sellavie.identity.business;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The profile columns of {@code businesses}; runs as the business (row-level security). */
@Repository
class BusinessProfiles {

    private final JdbcClient jdbc;

    BusinessProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BusinessProfile> find(UUID businessId) {
        return select(businessId, "");
    }

    /** The profile, its row locked until the transaction ends (two concurrent edits publish in order). */
    Optional<BusinessProfile> lock(UUID businessId) {
        return select(businessId, " FOR UPDATE");
    }

    void save(UUID businessId, BusinessProfile profile) {
        jdbc.sql("""
                        UPDATE businesses SET name = :name, time_zone = :zone, language = :language, country = :country,
                               contact_email = :email, logo_url = :logo, updated_at = :at
                        WHERE id = :id""")
                .param("id", businessId).param("name", profile.name()).param("zone", profile.timeZone())
                .param("language", profile.language()).param("country", profile.country())
                .param("email", profile.contactEmail()).param("logo", profile.logoUrl())
                .param("at", Timestamp.from(profile.updatedAt()))
                .update();
    }

    private Optional<BusinessProfile> select(UUID businessId, String lock) {
        return jdbc.sql("SELECT name, time_zone, language, country, contact_email, logo_url, updated_at "
                        + "FROM businesses WHERE id = :id" + lock)
                .param("id", businessId)
                .query((rs, row) -> {
                    Timestamp updated = rs.getTimestamp("updated_at");
                    return new BusinessProfile(rs.getString("name"), rs.getString("time_zone"),
                            rs.getString("language"), rs.getString("country"), rs.getString("contact_email"),
                            rs.getString("logo_url"), updated == null ? null : updated.toInstant());
                })
                .optional();
    }
}
