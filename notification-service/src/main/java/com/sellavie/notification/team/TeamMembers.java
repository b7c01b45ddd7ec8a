package com.sellavie.notification.team;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code members} table, as the current tenant (row-level security keeps other businesses' rows out). */
@Repository
public class TeamMembers {

    private final JdbcClient jdbc;

    TeamMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member joined or changed role (the latest event wins; events of one business arrive in order). */
    public void upsert(UUID userId, String role) {
        jdbc.sql("""
                        INSERT INTO members (business_id, user_id, role) VALUES (?, ?, ?)
                        ON CONFLICT (business_id, user_id) DO UPDATE SET role = excluded.role, updated_at = now()""")
                .params(TenantContext.requireBusinessId(), userId, role).update();
    }

    public void remove(UUID userId) {
        jdbc.sql("DELETE FROM members WHERE user_id = ?").param(userId).update();
    }

    public boolean isMember(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM members WHERE user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    /** The current business's members. */
    public List<UUID> all() {
        return jdbc.sql("SELECT user_id FROM members ORDER BY user_id").query(UUID.class).list();
    }
}
