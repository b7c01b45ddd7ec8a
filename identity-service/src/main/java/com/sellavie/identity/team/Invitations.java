package com.sellavie.identity.team;

import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations in identity's database; tenant-owned, but for {@link #businessOfToken}. */
@Repository
class Invitations {

    /** Global lookup: the business an accept link's token belongs to, before any tenant is known. */
    static final String INVITATION_BY_TOKEN = "invitation-by-token";

    private static final String COLUMNS = "id, business_id, email, role, invited_by, created_at, expires_at, "
            + "accepted_at, revoked_at";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Invitations(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    Optional<UUID> businessOfToken(byte[] tokenHash) {
        return tenancy.globalLookup(INVITATION_BY_TOKEN, () -> jdbc
                .sql("SELECT business_id FROM invitations WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(UUID.class).optional());
    }

    void add(Invitation invitation, byte[] tokenHash) {
        jdbc.sql("""
                        INSERT INTO invitations (id, business_id, email, role, token_hash, invited_by, created_at, expires_at)
                        VALUES (:id, :business, :email, :role, :hash, :by, :created, :expires)""")
                .param("id", invitation.id()).param("business", invitation.businessId())
                .param("email", invitation.email()).param("role", invitation.role().name())
                .param("hash", tokenHash).param("by", invitation.invitedBy())
                .param("created", Timestamp.from(invitation.createdAt()))
                .param("expires", Timestamp.from(invitation.expiresAt()))
                .update();
    }

    /** Neither accepted nor revoked nor expired at {@code now}, newest first. */
    List<Invitation> pending(UUID businessId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM invitations
                        WHERE business_id = :business AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY created_at DESC, id""")
                .param("business", businessId).param("now", Timestamp.from(now))
                .query((rs, row) -> invitation(rs))
                .list();
    }

    boolean pendingFor(UUID businessId, String email, Instant now) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM invitations WHERE business_id = :business AND email = :email
                                       AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now)""")
                .param("business", businessId).param("email", email).param("now", Timestamp.from(now))
                .query(Boolean.class).single();
    }

    Optional<Invitation> find(UUID businessId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE business_id = :business AND id = :id")
                .param("business", businessId).param("id", id)
                .query((rs, row) -> invitation(rs))
                .optional();
    }

    /** The invitation of this token, its row locked: two accepts of one link run one after the other. */
    Optional<Invitation> lockByToken(byte[] tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = :hash FOR UPDATE")
                .param("hash", tokenHash)
                .query((rs, row) -> invitation(rs))
                .optional();
    }

    void revoke(UUID id, Instant at) {
        jdbc.sql("UPDATE invitations SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL AND accepted_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    void accept(UUID id, UUID userId, Instant at) {
        jdbc.sql("UPDATE invitations SET accepted_at = :at, accepted_by = :user WHERE id = :id")
                .param("at", Timestamp.from(at)).param("user", userId).param("id", id)
                .update();
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getObject("invited_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "accepted_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    record Invitation(UUID id, UUID businessId, String email, Role role, UUID invitedBy, Instant createdAt,
            Instant expiresAt, Instant acceptedAt, Instant revokedAt) {
    }
}
