package com.sellavie.identity.privacy;

import com.sellavie.platform.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** privacy_export_archives. Finding work across businesses goes through named read-only global lookups. */
@Repository
class ExportArchives {

    /** Global lookup: completed exports without an archive yet (the assembler's work). */
    static final String TO_ASSEMBLE = "privacy-exports-to-assemble";
    /** Global lookup: archives past their expiry (the purge's work). */
    static final String EXPIRED = "privacy-archives-expired";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ExportArchives(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    List<Ref> toAssemble(int limit) {
        return tenancy.globalLookup(TO_ASSEMBLE, () -> jdbc.sql("""
                        SELECT r.id, r.business_id FROM privacy_requests r
                        WHERE r.kind = 'EXPORT' AND r.status = 'COMPLETED'
                          AND NOT EXISTS (SELECT 1 FROM privacy_export_archives a WHERE a.request_id = r.id)
                          AND r.completed_at > now() - interval '7 days'
                        ORDER BY r.completed_at LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new Ref(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class)))
                .list());
    }

    List<Ref> expired(Instant now, int limit) {
        return tenancy.globalLookup(EXPIRED, () -> jdbc.sql(
                        "SELECT request_id, business_id FROM privacy_export_archives WHERE expires_at <= :now LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new Ref(rs.getObject("request_id", UUID.class),
                        rs.getObject("business_id", UUID.class)))
                .list());
    }

    /** Stores the archive as the request's business (a concurrent assembler's copy wins, this one is dropped). */
    void store(UUID requestId, UUID businessId, byte[] ciphertext, int size, Instant at, Instant expiresAt) {
        jdbc.sql("INSERT INTO privacy_export_archives (request_id, business_id, ciphertext, size_bytes, created_at, "
                        + "expires_at) VALUES (:id, :business, :ciphertext, :size, :at, :expires) "
                        + "ON CONFLICT (request_id) DO NOTHING")
                .param("id", requestId).param("business", businessId).param("ciphertext", ciphertext)
                .param("size", size).param("at", Timestamp.from(at)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<Stored> find(UUID businessId, UUID requestId) {
        return jdbc.sql("SELECT ciphertext, expires_at FROM privacy_export_archives "
                        + "WHERE business_id = :business AND request_id = :id")
                .param("business", businessId).param("id", requestId)
                .query((rs, row) -> new Stored(rs.getBytes("ciphertext"), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void delete(UUID requestId) {
        jdbc.sql("DELETE FROM privacy_export_archives WHERE request_id = :id").param("id", requestId).update();
    }

    record Ref(UUID requestId, UUID businessId) {
    }

    record Stored(byte[] ciphertext, Instant expiresAt) {
    }
}
