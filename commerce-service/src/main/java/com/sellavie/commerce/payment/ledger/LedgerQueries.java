package com.sellavie.commerce.payment.ledger;

import com.sellavie.platform.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current business's ledger and discrepancies, newest first, a page after the row {@code before}
 * (its id, from the previous page); one row more than asked is read to know whether more exist.
 */
@Repository
class LedgerQueries {

    private static final String AFTER_CURSOR = " AND (CAST(:before AS uuid) IS NULL OR (recorded_at, id) < "
            + "(SELECT c.recorded_at, c.id FROM %s c WHERE c.id = :before))";

    private final NamedParameterJdbcTemplate jdbc;

    LedgerQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean orderExists(UUID orderId) {
        // Row-level security: another business's order is simply not there.
        return !jdbc.queryForList("SELECT id FROM orders WHERE id = :id AND business_id = :business",
                params().addValue("id", orderId), UUID.class).isEmpty();
    }

    @Transactional(readOnly = true)
    public Page<TransactionView> transactions(UUID orderId, UUID before, int limit) {
        List<TransactionView> rows = jdbc.query("SELECT * FROM payment_transactions WHERE business_id = :business "
                + "AND (CAST(:order AS uuid) IS NULL OR order_id = :order)"
                + AFTER_CURSOR.formatted("payment_transactions")
                + " ORDER BY recorded_at DESC, id DESC LIMIT :limit",
                params().addValue("order", orderId).addValue("before", before).addValue("limit", limit + 1),
                (rs, i) -> new TransactionView(uuid(rs, "id"), uuid(rs, "order_id"), rs.getString("provider"),
                        rs.getString("kind"), rs.getString("provider_event_id"),
                        rs.getString("provider_transaction_id"), rs.getString("reference"), longOrNull(rs, "amount_minor"),
                        rs.getString("currency"), rs.getString("status"), instant(rs, "recorded_at")));
        return Page.of(rows, limit);
    }

    @Transactional(readOnly = true)
    public Page<DiscrepancyView> discrepancies(UUID before, int limit) {
        List<DiscrepancyView> rows = jdbc.query("SELECT * FROM payment_discrepancies WHERE business_id = :business"
                + AFTER_CURSOR.formatted("payment_discrepancies")
                + " ORDER BY recorded_at DESC, id DESC LIMIT :limit",
                params().addValue("before", before).addValue("limit", limit + 1),
                (rs, i) -> new DiscrepancyView(uuid(rs, "id"), uuid(rs, "order_id"), rs.getString("provider"),
                        rs.getString("provider_event_id"), rs.getString("reference"), rs.getString("kind"),
                        longOrNull(rs, "expected_amount_minor"), longOrNull(rs, "received_amount_minor"),
                        rs.getString("currency"), rs.getString("detail"), instant(rs, "recorded_at")));
        return Page.of(rows, limit);
    }

    private static MapSqlParameterSource params() {
        return new MapSqlParameterSource().addValue("business", TenantContext.requireBusinessId());
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    record Page<T>(List<T> rows, boolean hasMore) {

        static <T> Page<T> of(List<T> rows, int limit) {
            return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
        }
    }
}
