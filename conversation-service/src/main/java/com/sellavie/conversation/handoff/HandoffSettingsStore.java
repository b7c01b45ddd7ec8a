package com.sellavie.conversation.handoff;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The handoff_settings table; a business without a row has the defaults. */
@Repository
class HandoffSettingsStore {

    private final JdbcTemplate jdbc;

    HandoffSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    HandoffSettings find(UUID businessId) {
        return jdbc.query("SELECT keywords, quiet_period_minutes FROM handoff_settings WHERE business_id = ?",
                (rs, row) -> new HandoffSettings(strings(rs.getArray(1)), rs.getInt(2)), businessId)
                .stream().findFirst().orElseGet(HandoffSettings::defaults);
    }

    void save(UUID businessId, HandoffSettings settings) {
        jdbc.update("INSERT INTO handoff_settings (business_id, keywords, quiet_period_minutes, updated_at) "
                        + "VALUES (?, ?, ?, now()) ON CONFLICT (business_id) DO UPDATE SET keywords = EXCLUDED.keywords, "
                        + "quiet_period_minutes = EXCLUDED.quiet_period_minutes, updated_at = now()",
                ps -> {
                    ps.setObject(1, businessId);
                    ps.setArray(2, ps.getConnection().createArrayOf("text", settings.keywords().toArray()));
                    ps.setInt(3, settings.quietPeriodMinutes());
                });
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
