package com.sellavie.conversation.comment;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The comment_settings table; a business without a row has the defaults (private replies off). */
@Repository
public class CommentSettingsStore {

    private final JdbcTemplate jdbc;

    CommentSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CommentSettings find(UUID businessId) {
        return jdbc.query("SELECT private_replies FROM comment_settings WHERE business_id = ?",
                        (rs, row) -> new CommentSettings(rs.getBoolean(1)), businessId)
                .stream().findFirst().orElseGet(CommentSettings::defaults);
    }

    void save(UUID businessId, CommentSettings settings) {
        jdbc.update("INSERT INTO comment_settings (business_id, private_replies, updated_at) VALUES (?, ?, now()) "
                        + "ON CONFLICT (business_id) DO UPDATE SET private_replies = EXCLUDED.private_replies, "
                        + "updated_at = now()", businessId, settings.privateReplies());
    }
}
