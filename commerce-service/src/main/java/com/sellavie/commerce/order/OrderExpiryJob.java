package com.sellavie.commerce.order;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires orders left unpaid past {@code expire-after}: finds them across businesses (global lookup
 * {@value #DUE_LOOKUP}, read-only), then expires each as its own business in its own transaction with
 * OrderExpired. Runs on every instance: an order two instances pick at once is expired by one (the
 * other's optimistic lock fails and is ignored).
 */
@Component
class OrderExpiryJob {

    static final String DUE_LOOKUP = "orders-expiry-due";
    private static final Logger log = LoggerFactory.getLogger(OrderExpiryJob.class);

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;
    private final Orders orders;
    private final OrderStore store;
    private final TransactionTemplate transaction;
    private final OrderProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    OrderExpiryJob(JdbcTemplate jdbc, Tenancy tenancy, Orders orders, OrderStore store,
            PlatformTransactionManager transactions, OrderProperties properties, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.orders = orders;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Expires up to one batch of due orders; returns how many. */
    int expireDue() {
        Instant now = clock.instant();
        List<Due> due = tenancy.globalLookup(DUE_LOOKUP, () -> jdbc.query("SELECT id, business_id FROM orders "
                + "WHERE status = 'PENDING_PAYMENT' AND expires_at <= ? ORDER BY expires_at LIMIT ?",
                (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), Timestamp.from(now),
                properties.expiryBatch()));
        int expired = 0;
        for (Due order : due) {
            try {
                if (Boolean.TRUE.equals(tenancy.callAs(order.businessId(), () -> transaction.execute(s -> expire(order.id(), now))))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                meters.counter("sellavie.commerce.orders.expiry.failures").increment();
                log.warn("Could not expire order {} of business {}: {}: {}", order.id(), order.businessId(),
                        e.getClass().getName(), e.getMessage());
            }
        }
        if (expired > 0) {
            meters.counter("sellavie.commerce.orders.expired").increment(expired);
            log.info("Expired {} order(s) unpaid for {}", expired, properties.expireAfter());
        }
        return expired;
    }

    private boolean expire(UUID id, Instant now) {
        return orders.findById(id).filter(o -> o.expiredBy(now)).map(order -> {
            order.expire(now);
            store.save(order);
            return true;
        }).orElse(false);
    }

    private record Due(UUID id, UUID businessId) {
    }
}
