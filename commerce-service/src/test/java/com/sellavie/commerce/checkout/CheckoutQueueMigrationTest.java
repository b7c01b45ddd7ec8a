package com.sellavie.commerce.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.test.MigratingDatabase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V8 on real PostgreSQL, as the service's own non-superuser role (row-level security binds it): orders
 * closed while their link was still due leave the checkout queue, an open order's due link stays in it, and the
 * table keeps it so from then on.
 */
class CheckoutQueueMigrationTest {

    private final UUID shopA = UUID.randomUUID();
    private final UUID shopB = UUID.randomUUID();
    private MigratingDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void databaseAtVersion7WithLinksDue() {
        database = MigratingDatabase.create("t_commerce_checkout_queue").migrateTo("7");
        jdbc = database.jdbc();
        database.asTenant(shopA, () -> {
            order(shopA, "a-open-due", "PENDING_PAYMENT", "PENDING");
            order(shopA, "a-cancelled-due", "CANCELLED", "PENDING");
            order(shopA, "a-created-due", "PENDING_PAYMENT", "CREATED");
        });
        database.asTenant(shopB, () -> order(shopB, "b-expired-due", "EXPIRED", "PENDING"));
    }

    @Test
    void closedOrdersLeaveTheQueueAndOpenOnesStay() {
        database.migrate();

        assertThat(database.asTenant(shopA, () -> jdbc.queryForList("SELECT correlation_id FROM orders "
                + "WHERE checkout_next_at IS NOT NULL", String.class))).containsExactly("a-open-due");
        assertThat(database.asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM orders "
                + "WHERE checkout_next_at IS NOT NULL", Integer.class))).isZero();
        assertThat(database.asTenant(shopB, () -> jdbc.queryForList("SELECT status || ' ' || checkout_status FROM orders",
                String.class))).containsExactly("EXPIRED PENDING");
    }

    @Test
    void aClosedOrderCannotBeDueAfterwardsAndRowLevelSecurityStillBindsTheOwner() {
        database.migrate();

        assertThatThrownBy(() -> database.asTenant(shopA, () -> order(shopA, "a-cancelled-later", "CANCELLED", "PENDING")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("orders_checkout_due_while_pending");
        assertThat(jdbc.queryForList("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'orders'",
                Boolean.class)).containsExactly(true);
        assertThat(database.asTenant(shopB, () -> jdbc.queryForObject("SELECT count(*) FROM orders", Integer.class)))
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

}
