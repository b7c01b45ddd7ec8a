package com.sellavie.platform.tenancy;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestEvents.BUSINESS_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.testservice.ConsumerServiceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@ConsumerServiceTest
class RowLevelSecurityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TransactionTemplate transaction;

    private String run;

    @BeforeEach
    void givenNotesOfTwoBusinesses() {
        run = UUID.randomUUID().toString();
        tenancy.runAs(BUSINESS_A, () -> addNote(BUSINESS_A, "a-" + run));
        tenancy.runAs(BUSINESS_B, () -> addNote(BUSINESS_B, "b-" + run));
    }

    @Test
    void queryOnATenantTableWithoutATenantFails() {
        assertThatThrownBy(() -> jdbc.queryForList("SELECT body FROM notes", String.class))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("no tenant (businessId) in context");
    }

    @Test
    void aTenantSeesOnlyItsOwnRows() {
        List<String> seenByA = tenancy.callAs(BUSINESS_A, this::notesOfThisRun);

        assertThat(seenByA).containsExactly("a-" + run);
    }

    @Test
    void aTenantCannotWriteAnotherTenantsRow() {
        assertThatThrownBy(() -> tenancy.runAs(BUSINESS_A, () -> addNote(BUSINESS_B, "smuggled-" + run)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void aTenantCannotUpdateAnotherTenantsRow() {
        int updated = tenancy.callAs(BUSINESS_A, () -> jdbc.update("UPDATE notes SET body = 'taken' WHERE body = ?",
                "b-" + run));

        assertThat(updated).isZero();
    }

    @Test
    void namedGlobalLookupSeesEveryTenant() {
        List<String> seen = tenancy.globalLookup("notes-by-body", this::notesOfThisRun);

        assertThat(seen).containsExactlyInAnyOrder("a-" + run, "b-" + run);
    }

    @Test
    void globalLookupWorksInsideATenantsTransaction() {
        List<String> seen = tenancy.callAs(BUSINESS_A, () -> transaction.execute(status -> {
            notesOfThisRun();
            return tenancy.globalLookup("notes-by-body", this::notesOfThisRun);
        }));

        assertThat(seen).containsExactlyInAnyOrder("a-" + run, "b-" + run);
    }

    @Test
    void globalLookupCannotWrite() {
        assertThatThrownBy(() -> tenancy.globalLookup("notes-by-body", () -> addNote(BUSINESS_A, "global-" + run)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void unknownGlobalLookupIsRefused() {
        assertThatThrownBy(() -> tenancy.globalLookup("all-notes-please", this::notesOfThisRun))
                .isInstanceOf(UnknownGlobalLookupException.class)
                .hasMessageContaining("all-notes-please");
    }

    @Test
    void theServiceConnectsAsARoleThatCannotBypassRowLevelSecurity() {
        Boolean bypasses = jdbc.queryForObject(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class);

        assertThat(bypasses).isFalse();
    }

    private List<String> notesOfThisRun() {
        return jdbc.queryForList("SELECT body FROM notes WHERE body LIKE ? ORDER BY body", String.class, "%" + run);
    }

    private int addNote(UUID businessId, String body) {
        return jdbc.update("INSERT INTO notes (business_id, body) VALUES (?, ?)", businessId, body);
    }
}
