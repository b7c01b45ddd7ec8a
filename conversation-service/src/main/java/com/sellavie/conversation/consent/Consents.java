package com.sellavie.conversation.consent;

import com.sellavie.schemas.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A contact's consent history, scoped to the business (row-level security and an explicit filter). */
@Repository
class Consents {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    Consents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; empty when the business has no such contact. */
    @Transactional(readOnly = true)
    Optional<List<ConsentRecord>> of(UUID businessId, UUID contactId) {
        if (!contactExists(businessId, contactId)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("SELECT id, purpose, status, source, recorded_by, recorded_at FROM contact_consents "
                        + "WHERE business_id = ? AND contact_id = ? ORDER BY recorded_at DESC, id DESC",
                (rs, n) -> new ConsentRecord(rs.getObject("id", UUID.class), rs.getString("purpose"),
                        rs.getString("status"), rs.getString("source"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()),
                businessId, contactId));
    }

    /** @return the new record; empty when the business has no such contact (nothing recorded) */
    @Transactional
    Optional<ConsentRecord> record(UUID businessId, UUID contactId, ConsentChange change, String memberId) {
        if (!contactExists(businessId, contactId)) {
            return Optional.empty();
        }
        ConsentRecord record = new ConsentRecord(EventMetadata.newEventId(), change.purpose(), change.status(),
                change.source().strip(), memberId, Instant.now(clock));
        jdbc.update("INSERT INTO contact_consents (id, business_id, contact_id, purpose, status, source, recorded_by, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                record.id(), businessId, contactId, record.purpose(), record.status(), record.source(),
                record.recordedBy(), java.sql.Timestamp.from(record.recordedAt()));
        return Optional.of(record);
    }

    private boolean contactExists(UUID businessId, UUID contactId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM contacts WHERE business_id = ? AND id = ?)", Boolean.class,
                businessId, contactId));
    }
}
