package com.sellavie.identity.activity;

import com.github.f4b6a3.uuid.UuidCreator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes activity entries. Runs as the entry's business (the caller's tenant) and inside the caller's
 * transaction when there is one, so an entry exists exactly when the change it describes does.
 */
@Repository
public class ActivityLog {

    private static final int MAX_USER_AGENT = 255;
    private static final int MAX_SUBJECT = 200;

    private final JdbcClient jdbc;

    ActivityLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry entry) {
        jdbc.sql("""
                        INSERT INTO activity_entries (id, business_id, occurred_at, category, kind, actor_user_id, ip,
                                                      user_agent, subject, source_event_id)
                        VALUES (:id, :business, :at, :category, :kind, :actor, :ip, :agent, :subject, :source)""")
                .param("id", UuidCreator.getTimeOrderedEpoch()).param("business", entry.businessId())
                .param("at", Timestamp.from(entry.occurredAt())).param("category", entry.category().name())
                .param("kind", entry.kind()).param("actor", entry.actorUserId()).param("ip", entry.ip())
                .param("agent", truncate(entry.userAgent(), MAX_USER_AGENT))
                .param("subject", truncate(entry.subject(), MAX_SUBJECT)).param("source", entry.sourceEventId())
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * One fact for the log.
     *
     * @param actorUserId   the member who acted; null when the system did (or the event names nobody)
     * @param ip            the client address when the action came over HTTP, else null
     * @param userAgent     the client's User-Agent when known
     * @param subject       what it was about (an id, a channel's name), never a secret
     * @param sourceEventId the consumed event's id, for entries from other services' topics
     */
    public record Entry(UUID businessId, Instant occurredAt, ActivityCategory category, String kind,
            UUID actorUserId, String ip, String userAgent, String subject, UUID sourceEventId) {

        /** An action a member took over HTTP in identity itself. */
        public static Entry byMember(UUID businessId, ActivityCategory category, String kind, UUID actorUserId,
                String ip, String userAgent, String subject) {
            return new Entry(businessId, Instant.now(), category, kind, actorUserId, ip, userAgent, subject, null);
        }
    }
}
