package com.sellavie.notification.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} table. Every statement runs as the current tenant: row-level security
 * (platform tenancy) confines reads and writes to that business's rows, so no query here repeats
 * the business id except the insert, which must name it.
 */
@Repository
class NotificationStore {

    private static final String COLUMNS = "id, kind, title, body, reference, created_at, read_at";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the business already has a notification of this kind and reference. */
    boolean insertIfAbsent(UUID id, UUID businessId, NotificationDraft draft) {
        return jdbc.sql("""
                        INSERT INTO notifications (id, business_id, kind, title, body, reference, contact_id,
                                                   external_message_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT notifications_one_per_reference DO NOTHING""")
                .params(id, businessId, draft.kind().name(), draft.title(), draft.body(), draft.reference(),
                        draft.contactId(), draft.externalMessageId())
                .update() == 1;
    }

    /** Newest first, without the {@code hidden} kinds; {@code limit} rows from {@code offset}. */
    List<Notification> newestFirst(boolean unreadOnly, Set<NotificationKind> hidden, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE kind <> ALL (?::text[])"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(names(hidden), limit, offset)
                .query(NotificationStore::notification)
                .list();
    }

    long countUnread(Set<NotificationKind> hidden) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE read_at IS NULL AND kind <> ALL (?::text[])")
                .param(names(hidden)).query(Long.class).single();
    }

    private static String[] names(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).toArray(String[]::new);
    }

    /** Sets read_at once (a second call keeps the first time); empty when the tenant has no such row. */
    Optional<Notification> markRead(UUID id) {
        return jdbc.sql("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = ? RETURNING "
                        + COLUMNS)
                .param(id)
                .query(NotificationStore::notification)
                .optional();
    }

    private static Notification notification(ResultSet row, int rowNum) throws SQLException {
        return new Notification(row.getObject("id", UUID.class), NotificationKind.valueOf(row.getString("kind")),
                row.getString("title"), row.getString("body"), row.getString("reference"),
                instant(row, "created_at"), instant(row, "read_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
