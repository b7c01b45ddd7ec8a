package com.sellavie.identity.team;

import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Memberships as the team sees them. Everything but {@link #businessesOf} runs as the business
 * (row-level security); users are global, so reading one by email needs no tenant.
 */
@Repository
class Members {

    /** Global lookup: every business a user belongs to (the business switcher). */
    static final String BUSINESSES_OF_USER = "businesses-of-user";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Members(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    List<Member> list(UUID businessId) {
        return jdbc.sql("""
                        SELECT m.user_id, u.email, m.role, m.created_at
                        FROM memberships m JOIN users u ON u.id = m.user_id
                        WHERE m.business_id = :business
                        ORDER BY m.created_at, m.user_id""")
                .param("business", businessId)
                .query((rs, row) -> new Member(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        Role.valueOf(rs.getString("role")), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * The OWNERs of the business, their rows locked until the transaction ends: two concurrent demotions
     * or removals of two OWNERs run one after the other, and the second sees the first.
     */
    List<UUID> lockOwners(UUID businessId) {
        return jdbc.sql("SELECT user_id FROM memberships WHERE business_id = :business AND role = 'OWNER' FOR UPDATE")
                .param("business", businessId)
                .query(UUID.class).list();
    }

    /** {@code userId}'s role in the business, the row locked. */
    Optional<Role> lockRole(UUID businessId, UUID userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE business_id = :business AND user_id = :user FOR UPDATE")
                .param("business", businessId).param("user", userId)
                .query(String.class).optional().map(Role::valueOf);
    }

    Optional<Role> role(UUID businessId, UUID userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE business_id = :business AND user_id = :user")
                .param("business", businessId).param("user", userId)
                .query(String.class).optional().map(Role::valueOf);
    }

    boolean hasMemberWithEmail(UUID businessId, String email) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                                       WHERE m.business_id = :business AND lower(u.email) = lower(:email))""")
                .param("business", businessId).param("email", email)
                .query(Boolean.class).single();
    }

    void setRole(UUID businessId, UUID userId, Role role) {
        jdbc.sql("UPDATE memberships SET role = :role WHERE business_id = :business AND user_id = :user")
                .param("role", role.name()).param("business", businessId).param("user", userId)
                .update();
    }

    void remove(UUID businessId, UUID userId) {
        jdbc.sql("DELETE FROM memberships WHERE business_id = :business AND user_id = :user")
                .param("business", businessId).param("user", userId)
                .update();
    }

    /** The user with this (normalised) address, if any: users are global. */
    Optional<User> userByEmail(String email) {
        return jdbc.sql("SELECT id, email, password_hash FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query((rs, row) -> new User(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("password_hash")))
                .optional();
    }

    /** Every business {@code userId} belongs to, oldest membership first. */
    List<BusinessMembership> businessesOf(UUID userId) {
        return tenancy.globalLookup(BUSINESSES_OF_USER, () -> jdbc.sql("""
                        SELECT b.id, b.name, m.role
                        FROM memberships m JOIN businesses b ON b.id = m.business_id
                        WHERE m.user_id = :user
                        ORDER BY m.created_at, b.id""")
                .param("user", userId)
                .query((rs, row) -> new BusinessMembership(rs.getObject("id", UUID.class), rs.getString("name"),
                        Role.valueOf(rs.getString("role"))))
                .list());
    }

    record Member(UUID userId, String email, Role role, Instant joinedAt) {
    }

    record User(UUID id, String email, String passwordHash) {

        @Override
        public String toString() {
            return "User[id=" + id + "]";
        }
    }

    record BusinessMembership(UUID id, String name, Role role) {
    }
}
