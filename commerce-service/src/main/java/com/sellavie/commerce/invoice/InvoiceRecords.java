package com.sellavie.commerce.invoice;

import com.sellavie.commerce.invoice.Invoice.InvoiceLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The invoices table, its lines and the per-business, per-year counters. Row-level security scopes every
 * statement to the current business; the {@code business_id} conditions keep the intent visible.
 */
@Repository
class InvoiceRecords {

    private static final String COLUMNS = "id, business_id, order_id, number, year, sequence, total_minor, currency, "
            + "provider, reference, conversation_id, paid_at, issued_at";

    private final JdbcTemplate jdbc;

    InvoiceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last number given in {@code year}, its counter row locked until the transaction ends: concurrent
     * issues of one business and year wait here, one at a time (the row is made at the year's first invoice).
     */
    int lockCounter(UUID businessId, int year) {
        jdbc.update("INSERT INTO invoice_counters (business_id, year, last_number) VALUES (?, ?, 0) "
                + "ON CONFLICT (business_id, year) DO NOTHING", businessId, year);
        return jdbc.queryForObject("SELECT last_number FROM invoice_counters WHERE business_id = ? AND year = ? "
                + "FOR UPDATE", Integer.class, businessId, year);
    }

    void advanceCounter(UUID businessId, int year, int number) {
        jdbc.update("UPDATE invoice_counters SET last_number = ? WHERE business_id = ? AND year = ?", number,
                businessId, year);
    }

    /** Inserts the invoice and its lines unless the order already has one; false when it had. */
    boolean insertIfFirst(Invoice invoice) {
        int inserted = jdbc.update("INSERT INTO invoices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (order_id) DO NOTHING", invoice.id(), invoice.businessId(), invoice.orderId(),
                invoice.number(), invoice.year(), invoice.sequence(), invoice.totalMinor(), invoice.currency(),
                invoice.provider(), invoice.reference(), invoice.conversationId(), Timestamp.from(invoice.paidAt()),
                Timestamp.from(invoice.issuedAt()));
        if (inserted == 0) {
            return false;
        }
        int lineNo = 0;
        for (InvoiceLine line : invoice.lines()) {
            jdbc.update("INSERT INTO invoice_lines (invoice_id, line_no, business_id, sku, name, quantity, "
                    + "unit_price_minor) VALUES (?, ?, ?, ?, ?, ?, ?)", invoice.id(), lineNo++, invoice.businessId(),
                    line.sku(), line.name(), line.quantity(), line.unitPriceMinor());
        }
        return true;
    }

    void receiptRequested(UUID invoiceId, UUID eventId) {
        jdbc.update("UPDATE invoices SET receipt_event_id = ? WHERE id = ?", eventId, invoiceId);
    }

    Optional<Invoice> find(UUID businessId, UUID id) {
        return list("SELECT " + COLUMNS + " FROM invoices WHERE business_id = ? AND id = ?", businessId, id).stream()
                .findFirst();
    }

    Optional<String> numberOf(UUID businessId, UUID orderId) {
        return jdbc.queryForList("SELECT number FROM invoices WHERE business_id = ? AND order_id = ?", String.class,
                businessId, orderId).stream().findFirst();
    }

    /** Newest first, at most {@code limit}, issued before the cursor (an invoice, or an instant) when one is given. */
    List<Invoice> newestFirst(UUID businessId, UUID beforeInvoice, Instant beforeInstant, int limit) {
        String order = " ORDER BY issued_at DESC, id DESC LIMIT ?";
        if (beforeInvoice != null) {
            return list("SELECT " + COLUMNS + " FROM invoices WHERE business_id = ? AND (issued_at, id) < "
                    + "(SELECT issued_at, id FROM invoices WHERE business_id = ? AND id = ?)" + order, businessId,
                    businessId, beforeInvoice, limit);
        }
        if (beforeInstant != null) {
            return list("SELECT " + COLUMNS + " FROM invoices WHERE business_id = ? AND issued_at < ?" + order,
                    businessId, Timestamp.from(beforeInstant), limit);
        }
        return list("SELECT " + COLUMNS + " FROM invoices WHERE business_id = ?" + order, businessId, limit);
    }

    private List<Invoice> list(String sql, Object... args) {
        List<Invoice> heads = jdbc.query(sql, (rs, i) -> head(rs), args);
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<InvoiceLine>> lines = lines(heads.stream().map(Invoice::id).toList());
        return heads.stream().map(h -> new Invoice(h.id(), h.businessId(), h.orderId(), h.number(), h.year(),
                h.sequence(), h.totalMinor(), h.currency(), h.provider(), h.reference(), h.conversationId(),
                h.paidAt(), h.issuedAt(), lines.getOrDefault(h.id(), List.of()))).toList();
    }

    private Map<UUID, List<InvoiceLine>> lines(List<UUID> invoiceIds) {
        record Row(UUID invoiceId, InvoiceLine line) {
        }
        return jdbc.query("SELECT invoice_id, sku, name, quantity, unit_price_minor FROM invoice_lines "
                + "WHERE invoice_id = ANY (?) ORDER BY invoice_id, line_no",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", invoiceIds.toArray())),
                (rs, i) -> new Row(rs.getObject("invoice_id", UUID.class), new InvoiceLine(rs.getString("sku"),
                        rs.getString("name"), rs.getInt("quantity"), rs.getLong("unit_price_minor"))))
                .stream().collect(Collectors.groupingBy(Row::invoiceId, Collectors.mapping(Row::line,
                        Collectors.toList())));
    }

    private static Invoice head(ResultSet rs) throws SQLException {
        return new Invoice(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getString("number"), rs.getInt("year"), rs.getInt("sequence"),
                rs.getLong("total_minor"), rs.getString("currency"), rs.getString("provider"),
                rs.getString("reference"), rs.getObject("conversation_id", UUID.class),
                rs.getTimestamp("paid_at").toInstant(), rs.getTimestamp("issued_at").toInstant(), List.of());
    }
}
