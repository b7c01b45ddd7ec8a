package com.sellavie.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.test.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service runs as its app role, which owns no table, so row-level security is what keeps one
 * business's DM previews from another's, even for a query that forgets to filter by business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AppRoleTenancyTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;

    @Test
    void theServiceRunsAsARoleThatOwnsNothingAndBypassesNothing() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).endsWith("_app");
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolbypassrls OR rolreplication FROM pg_roles"
                + " WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'notifications'",
                String.class)).endsWith("_owner");
    }

    @Test
    void anotherBusinesssPreviewsAreInvisibleToAQueryWithoutTenantFilter() {
        // Given a DM preview of each of two businesses
        UUID businessA = UUID.randomUUID();
        UUID businessB = UUID.randomUUID();
        tenancy.runAs(businessA, () -> insertPreview(businessA, "private to A"));
        tenancy.runAs(businessB, () -> insertPreview(businessB, "private to B"));

        // When business A runs a query that forgets "WHERE business_id = ?"
        List<String> seenByA = tenancy.callAs(businessA,
                () -> jdbc.queryForList("SELECT body FROM notifications WHERE body LIKE 'private to %'", String.class));

        // Then it sees its own preview only, and it can neither change nor delete B's
        assertThat(seenByA).containsExactly("private to A");
        assertThat(tenancy.callAs(businessA, () -> jdbc.update("UPDATE notifications SET body = 'taken'"
                + " WHERE body = 'private to B'"))).isZero();
        assertThat(tenancy.callAs(businessA, () -> jdbc.update("DELETE FROM notifications WHERE body = 'private to B'")))
                .isZero();
        assertThat(tenancy.callAs(businessB, () -> jdbc.queryForList(
                "SELECT body FROM notifications WHERE body LIKE 'private to %'", String.class)))
                .containsExactly("private to B");
    }

    @Test
    void theAppRoleCannotSwitchRowLevelSecurityOff() {
        assertThatThrownBy(() -> jdbc.execute("ALTER TABLE notifications NO FORCE ROW LEVEL SECURITY"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("must be owner");
    }

    private void insertPreview(UUID business, String body) {
        jdbc.update("INSERT INTO notifications (id, business_id, kind, title, body, reference)"
                + " VALUES (?, ?, 'NEW_MESSAGE', 'New Instagram message', ?, ?)",
                UUID.randomUUID(), business, body, "INSTAGRAM/test/" + UUID.randomUUID());
    }
}
