package com.sellavie.commerce.order;

import com.sellavie.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the team does with orders in the console: list, look at one, cancel one. */
@Service
class OrderManagement {

    private final Orders orders;
    private final OrderStore store;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    OrderManagement(Orders orders, OrderStore store, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current business's orders, newest first; one more than asked is read to know whether more exist. */
    @Transactional(readOnly = true)
    public OrderPage list(OrderStatus status, int page, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("business", TenantContext.requireBusinessId())
                .addValue("status", status == null ? null : status.name())
                .addValue("limit", limit + 1)
                .addValue("offset", (long) page * limit);
        List<UUID> ids = jdbc.queryForList("SELECT id FROM orders WHERE business_id = :business "
                + "AND (CAST(:status AS text) IS NULL OR status = :status) ORDER BY created_at DESC, id DESC "
                + "LIMIT :limit OFFSET :offset", params, UUID.class);
        boolean more = ids.size() > limit;
        List<UUID> shown = more ? ids.subList(0, limit) : ids;
        List<Order> found = orders.findAllById(shown);
        List<OrderView> views = shown.stream()
                .map(id -> found.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow())
                .map(o -> OrderView.of(o, false)).toList();
        return new OrderPage(views, page, limit, more);
    }

    @Transactional(readOnly = true)
    public OrderView get(UUID id) {
        return OrderView.of(find(id), true);
    }

    /** PENDING_PAYMENT -> CANCELLED with OrderCancelled; any other state is a conflict. */
    @Transactional
    public OrderView cancel(UUID id, String userId) {
        // The row is locked before it is read: a checkout worker recording a link attempt on the same order commits
        // first and this cancel reads its version, instead of failing on it (a 500 to the team, seen in CI).
        jdbc.queryForList("SELECT id FROM orders WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
                UUID.class);
        Order order = find(id);
        try {
            order.cancel(userId, "cancelled by the team", clock.instant());
        } catch (OrderStateException e) {
            throw new OrderConflictException(e.status(), "Order " + id + " is " + e.status()
                    + "; only an order waiting for payment can be cancelled.");
        }
        return OrderView.of(store.save(order), true);
    }

    private Order find(UUID id) {
        // Row-level security: another business's order is simply not found.
        return orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
    }
}
