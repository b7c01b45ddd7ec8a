package com.sellavie.notification.preferences;

import com.sellavie.notification.feed.NotificationKind;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_preferences} table, as the current tenant. */
@Repository
class PreferenceStore {

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@code userId} chose explicitly (kinds not listed take their defaults). */
    Map<NotificationKind, AlertChannel> chosen(UUID userId) {
        Map<NotificationKind, AlertChannel> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.sql("SELECT kind, channel FROM notification_preferences WHERE user_id = ?").param(userId)
                .query((row, n) -> Map.entry(row.getString("kind"), row.getString("channel"))).list()
                .forEach(entry -> chosen.put(NotificationKind.valueOf(entry.getKey()), AlertChannel.valueOf(entry.getValue())));
        return chosen;
    }

    void save(UUID userId, NotificationKind kind, AlertChannel channel) {
        jdbc.sql("""
                        INSERT INTO notification_preferences (business_id, user_id, kind, channel) VALUES (?, ?, ?, ?)
                        ON CONFLICT (business_id, user_id, kind) DO UPDATE SET channel = excluded.channel, updated_at = now()""")
                .params(TenantContext.requireBusinessId(), userId, kind.name(), channel.name()).update();
    }
}
