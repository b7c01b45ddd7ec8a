package com.sellavie.identity.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a business's activity: its {@code activity_entries} and, as the SECURITY category, its
 * {@code security_events}. Runs as the business (row-level security), and names it as well.
 */
@Repository
class ActivityEntries {

    private static final String ENTRIES = """
            SELECT e.*, u.email AS actor_email FROM (
                SELECT id, occurred_at, category, kind, actor_user_id, ip, user_agent, subject
                FROM activity_entries WHERE business_id = :business
                UNION ALL
                SELECT id, occurred_at, 'SECURITY', kind, user_id, ip, device, NULL
                FROM security_events WHERE business_id = :business
            ) e LEFT JOIN users u ON u.id = e.actor_user_id
            WHERE true""";

    private final JdbcClient jdbc;

    ActivityEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page, newest first, and whether more follow. */
    Page page(UUID businessId, ActivityFilter filter) {
        StringBuilder sql = new StringBuilder(ENTRIES);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("business", businessId);
        if (filter.category() != null) {
            sql.append(" AND e.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.kind() != null) {
            sql.append(" AND e.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.actor() != null) {
            sql.append(" AND e.actor_user_id = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.systemActor()) {
            sql.append(" AND e.actor_user_id IS NULL");
        }
        if (filter.from() != null) {
            sql.append(" AND e.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.after() != null) {
            sql.append(" AND (e.occurred_at, e.id) < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(filter.after().occurredAt()));
            params.put("afterId", filter.after().id());
        }
        sql.append(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit");
        params.put("limit", filter.limit() + 1);
        List<Entry> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("category"), rs.getString("kind"), rs.getObject("actor_user_id", UUID.class),
                        rs.getString("actor_email"), rs.getString("ip"), rs.getString("user_agent"),
                        rs.getString("subject")))
                .list());
        boolean more = rows.size() > filter.limit();
        return new Page(more ? rows.subList(0, filter.limit()) : rows, more);
    }

    record Entry(UUID id, Instant occurredAt, String category, String kind, UUID actorUserId, String actorEmail,
            String ip, String userAgent, String subject) {
    }

    record Page(List<Entry> entries, boolean more) {
    }
}
