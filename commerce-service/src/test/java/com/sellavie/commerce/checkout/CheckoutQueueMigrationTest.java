package com.sellavie.commerce.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.test.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway V8 on real PostgreSQL, as the service's own non-superuser role (row-level security binds it): orders
 * closed while their link was still due leave the checkout queue, an open order's due link stays in it, and the
 * table keeps it so from then on.
 */
class CheckoutQueueMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private TestPostgres.ServiceDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion7WithLinksDue() throws Exception {
        database = TestPostgres.get().createServiceDatabase("t_commerce_checkout_queue");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.owner().user(),
                database.owner().password());
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute(tenancyFunctions());
        flyway("7").migrate();
        asTenant(shopA, () -> {
            order(shopA, "a-open-due", "PENDING_PAYMENT", "PENDING");
            order(shopA, "a-cancelled-due", "CANCELLED", "PENDING");
            order(shopA, "a-created-due", "PENDING_PAYMENT", "CREATED");
        });
        asTenant(shopB, () -> order(shopB, "b-expired-due", "EXPIRED", "PENDING"));
    }

    @Test
    void closedOrdersLeaveTheQueueAndOpenOnesStay() {
        flyway(null).migrate();

        assertThat(asTenant(shopA, () -> jdbc.queryForList("SELECT correlation_id FROM orders "
                + "WHERE checkout_next_at IS NOT NULL", String.class))).containsExactly("a-open-due");
        assertThat(asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM orders "
                + "WHERE checkout_next_at IS NOT NULL", Integer.class))).isZero();
        assertThat(asTenant(shopB, () -> jdbc.queryForList("SELECT status || ' ' || checkout_status FROM orders",
                String.class))).containsExactly("EXPIRED PENDING");
    }

    @Test
    void aClosedOrderCannotBeDueAfterwardsAndRowLevelSecurityStillBindsTheOwner() {
        flyway(null).migrate();

        assertThatThrownBy(() -> asTenant(shopA, () -> order(shopA, "a-cancelled-later", "CANCELLED", "PENDING")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("orders_checkout_due_while_pending");
        assertThat(jdbc.queryForList("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'orders'",
                Boolean.class)).containsExactly(true);
        assertThat(asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM orders", Integer.class)))
                .isEqualTo(1);
    }

    /** An order whose link was due a minute ago; correlation_id carries a label to tell the rows apart. */
    private int order(UUID business, String label, String status, String checkoutStatus) {
        return jdbc.update("""
                INSERT INTO orders (id, business_id, status, origin, customer_key, correlation_id, total_minor,
                                    currency, provider, checkout_status, checkout_next_at, items_key, created_at,
                                    expires_at, updated_at)
                VALUES (?, ?, ?, 'ASSISTANT', ?, ?, 2500000, 'NGN', 'PAYSTACK', ?, now() - interval '1 minute',
                        'shirt:1', now(), now() + interval '1 day', now())
                """, UUID.randomUUID(), business, status, UUID.randomUUID(), label, checkoutStatus);
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.owner().user(), database.owner().password())
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private void asTenant(UUID business, Runnable work) {
        asTenant(business, () -> {
            work.run();
            return null;
        });
    }

    private <T> T asTenant(UUID business, Supplier<T> work) {
        jdbc.queryForList("SELECT set_config('sellavie.business_id', ?, false)", String.class, business.toString());
        try {
            return work.get();
        } finally {
            jdbc.queryForList("SELECT set_config('sellavie.business_id', '', false)", String.class);
        }
    }

    private static String tenancyFunctions() throws IOException {
        try (InputStream in = CheckoutQueueMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/tenancy/sellavie-tenancy-functions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
