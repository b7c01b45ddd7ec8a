package com.sellavie.platform.tenancy;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The tenant settings a connection carries, on one physical connection the pool would hand out again. */
class TenantScopedDataSourceTest {

    private TestPostgres.ServiceDatabase database;
    private SingleConnectionDataSource pool;
    private TenantScopedDataSource dataSource;

    @BeforeEach
    void onePooledConnection() {
        database = TestPostgres.get().createServiceDatabase("scoped_ds");
        pool = new SingleConnectionDataSource(database.jdbcUrl(), database.app().user(), database.app().password(), true);
        dataSource = new TenantScopedDataSource(pool);
    }

    @AfterEach
    void dropDatabase() {
        pool.destroy();
        TestPostgres.get().dropDatabase(database.name());
    }

    @Test
    void aConnectionCarriesTheCurrentTenant() throws SQLException {
        String seen = TenantContext.callAs(BUSINESS_A, this::businessIdSetting);

        assertThat(seen).isEqualTo(BUSINESS_A.toString());
    }

    @Test
    void aConnectionReturnedToThePoolCarriesNoTenant() throws SQLException {
        TenantContext.callAs(BUSINESS_A, this::businessIdSetting);

        try (Connection raw = pool.getConnection(); Statement s = raw.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('sellavie.business_id', true)")) {
            rs.next();
            assertThat(rs.getString(1)).isEmpty();
        }
    }

    @Test
    void aTenantChangeWhileAConnectionIsOpenReachesTheDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(setting(connection)).isEmpty();
            try (TenantContext.Scope ignored = TenantContext.enter(BUSINESS_A)) {
                assertThat(setting(connection)).isEqualTo(BUSINESS_A.toString());
            }
            assertThat(setting(connection)).isEmpty();
        }
    }

    @Test
    void aTransactionsTenantEndsWithItsCommitEvenBeforeTheConnectionIsReturned() throws SQLException {
        try (Connection connection = dataSource.getConnection(); TenantContext.Scope ignored = TenantContext.enter(BUSINESS_A)) {
            connection.setAutoCommit(false);
            assertThat(setting(connection)).isEqualTo(BUSINESS_A.toString());
            connection.commit();

            assertThat(setting(pool.getConnection())).as("the physical connection after the commit").isEmpty();
            assertThat(setting(connection)).as("the next statement of the same checkout").isEqualTo(BUSINESS_A.toString());
            connection.rollback();
            assertThat(setting(pool.getConnection())).as("the physical connection after a rollback").isEmpty();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aGlobalLookupInsideATransactionReachesTheDatabaseAndEndsWithIt() throws SQLException {
        try (Connection connection = dataSource.getConnection(); TenantContext.Scope ignored = TenantContext.enter(BUSINESS_A)) {
            connection.setAutoCommit(false);
            assertThat(setting(connection)).isEqualTo(BUSINESS_A.toString());
            try (TenantContext.Scope lookup = TenantContext.enterGlobalLookup("test-lookup")) {
                assertThat(lookupSetting(connection)).isEqualTo("test-lookup");
            }
            assertThat(lookupSetting(connection)).as("back in the tenant's scope").isEmpty();
            connection.commit();
            assertThat(lookupSetting(pool.getConnection())).isEmpty();
            connection.setAutoCommit(true);
        }
    }

    private static String lookupSetting(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('sellavie.global_lookup', true)")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String businessIdSetting() {
        try (Connection connection = dataSource.getConnection()) {
            return setting(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('sellavie.business_id', true)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
