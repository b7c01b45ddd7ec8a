package com.sellavie.identity.account;

import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users, businesses and memberships in identity's database. Users are global; businesses and
 * memberships are tenant-owned (row-level security), so writing them needs the business as the
 * current tenant, and reading them before any tenant is known goes through a named global lookup.
 */
@Repository
public class Accounts {

    /** Global lookup: the credentials and first business of an email address, before any tenant is known. */
    public static final String LOGIN_BY_EMAIL = "login-by-email";
    /** Global lookup: whether an email address already has an account. */
    public static final String EMAIL_TAKEN = "email-taken";
    /** Global lookup: the businesses a user belongs to (a password reset ends their sessions in each). */
    public static final String BUSINESSES_OF_USER = "businesses-of-user";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Accounts(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** @param email a normalised (trimmed, lower-case) address */
    public boolean emailTaken(String email) {
        return tenancy.globalLookup(EMAIL_TAKEN, () -> jdbc
                .sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email))")
                .param("email", email)
                .query(Boolean.class).single());
    }

    /**
     * Stores a new user. A concurrent sign-up with the same address makes this throw
     * {@link org.springframework.dao.DuplicateKeyException} (unique index on {@code lower(email)}).
     */
    public void addUser(UUID id, String email, String passwordHash) {
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, :hash)")
                .param("id", id).param("email", email).param("hash", passwordHash)
                .update();
    }

    /** Replaces a user's password hash (a rehash at a higher bcrypt cost). Users are global: no tenant needed. */
    public void updatePasswordHash(UUID userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("id", userId).param("hash", passwordHash)
                .update();
    }

    /** Whether {@code userId} proved they receive mail at their address. Users are global: no tenant needed. */
    public boolean emailVerified(UUID userId) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM users WHERE id = :id")
                .param("id", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Marks {@code userId}'s address verified (idempotent: the first time is kept). */
    public void markEmailVerified(UUID userId, java.time.Instant at) {
        jdbc.sql("UPDATE users SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL")
                .param("id", userId).param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** {@code userId}'s (normalised) email address, if the user exists. */
    public Optional<String> email(UUID userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = :id")
                .param("id", userId)
                .query(String.class).optional();
    }

    /** Every business {@code userId} belongs to (global lookup: before any tenant is known). */
    public java.util.List<UUID> businessesOf(UUID userId) {
        return tenancy.globalLookup(BUSINESSES_OF_USER, () -> jdbc
                .sql("SELECT business_id FROM memberships WHERE user_id = :user ORDER BY created_at, business_id")
                .param("user", userId)
                .query(UUID.class).list());
    }

    /** Stores a new business; the current tenant must be {@code id}. */
    public void addBusiness(UUID id, String name) {
        jdbc.sql("INSERT INTO businesses (id, name) VALUES (:id, :name)")
                .param("id", id).param("name", name)
                .update();
    }

    /** Makes {@code userId} a member of {@code businessId}; the current tenant must be {@code businessId}. */
    public void addMembership(UUID businessId, UUID userId, Role role) {
        jdbc.sql("INSERT INTO memberships (business_id, user_id, role) VALUES (:business, :user, :role)")
                .param("business", businessId).param("user", userId).param("role", role.name())
                .update();
    }

    /**
     * What log-in needs about {@code email}: the password hash and the business the user acts for
     * (the one they own, else the oldest membership). Empty when no user has that address.
     */
    public Optional<LoginCandidate> loginCandidate(String email) {
        return tenancy.globalLookup(LOGIN_BY_EMAIL, () -> jdbc.sql("""
                        SELECT u.id, u.email, u.password_hash, m.business_id, m.role, b.name
                        FROM users u
                        LEFT JOIN memberships m ON m.user_id = u.id
                        LEFT JOIN businesses b ON b.id = m.business_id
                        WHERE lower(u.email) = lower(:email)
                        ORDER BY m.role = 'OWNER' DESC NULLS LAST, m.created_at, m.business_id
                        LIMIT 1""")
                .param("email", email)
                .query(Accounts::loginCandidate)
                .optional());
    }

    /** {@code userId}'s membership of the current tenant's business {@code businessId}, if any. */
    public Optional<Member> member(UUID userId, UUID businessId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, b.id AS business_id, b.name, m.role
                        FROM memberships m
                        JOIN users u ON u.id = m.user_id
                        JOIN businesses b ON b.id = m.business_id
                        WHERE m.user_id = :user AND m.business_id = :business""")
                .param("user", userId).param("business", businessId)
                .query((rs, row) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getObject("business_id", UUID.class), rs.getString("name"),
                        Role.valueOf(rs.getString("role"))))
                .optional();
    }

    private static LoginCandidate loginCandidate(ResultSet rs, int row) throws SQLException {
        UUID userId = rs.getObject("id", UUID.class);
        String email = rs.getString("email");
        UUID businessId = rs.getObject("business_id", UUID.class);
        Optional<Member> membership = businessId == null ? Optional.empty() : Optional.of(new Member(userId, email,
                businessId, rs.getString("name"), Role.valueOf(rs.getString("role"))));
        return new LoginCandidate(userId, email, rs.getString("password_hash"), membership);
    }

    /** A user with their stored password hash, and the membership they log in to (if they have one). */
    public record LoginCandidate(UUID userId, String email, String passwordHash, Optional<Member> membership) {

        @Override
        public String toString() {
            return "LoginCandidate[userId=" + userId + "]";
        }
    }

    /** A user acting for a business with a role. */
    public record Member(UUID userId, String email, UUID businessId, String businessName, Role role) {
    }
}
