package com.sellavie.conversation.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reading a contact and the team's edits, scoped to the business (row-level security and an explicit filter). */
@Repository
class Contacts {

    private final JdbcTemplate jdbc;

    Contacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<ContactView> find(UUID businessId, UUID contactId) {
        return jdbc.query("SELECT k.id, k.external_id, k.name, k.name_edited, k.username, k.profile_picture_url, "
                        + "k.notes, k.profile_fetched_at, ch.id AS channel_id, ch.type, ch.name AS channel_name "
                        + "FROM contacts k JOIN channels ch ON ch.id = k.channel_id "
                        + "WHERE k.business_id = ? AND k.id = ?",
                Contacts::view, businessId, contactId).stream().findFirst();
    }

    /** @return the contact as changed, empty when the business has no such contact (nothing changed) */
    @Transactional
    Optional<ContactView> change(UUID businessId, UUID contactId, ContactChange change) {
        String name = change.name() == null ? null : change.name().strip();
        int updated = jdbc.update("UPDATE contacts SET name = COALESCE(?::text, name), "
                        + "name_edited = name_edited OR ?::text IS NOT NULL, "
                        + "notes = CASE WHEN ?::text IS NULL THEN notes WHEN ?::text = '' THEN NULL ELSE ?::text END "
                        + "WHERE business_id = ? AND id = ?",
                name, name, change.notes(), change.notes(), change.notes(), businessId, contactId);
        return updated == 0 ? Optional.empty() : find(businessId, contactId);
    }

    private static ContactView view(ResultSet rs, int row) throws SQLException {
        Timestamp fetched = rs.getTimestamp("profile_fetched_at");
        return new ContactView(rs.getObject("id", UUID.class),
                new ContactView.ChannelRef(rs.getObject("channel_id", UUID.class), rs.getString("type"),
                        rs.getString("channel_name")),
                rs.getString("external_id"), rs.getString("name"), rs.getBoolean("name_edited"),
                rs.getString("username"), rs.getString("profile_picture_url"), rs.getString("notes"),
                fetched == null ? null : fetched.toInstant());
    }
}
