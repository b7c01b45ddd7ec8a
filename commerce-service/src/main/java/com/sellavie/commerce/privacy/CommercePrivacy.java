package com.sellavie.commerce.privacy;

import com.sellavie.platform.privacy.PrivacyExport;
import com.sellavie.platform.privacy.PrivacyRows;
import com.sellavie.platform.privacy.PrivacySubject;
import com.sellavie.platform.privacy.PrivacyTaskHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders and invoices are the business's books: erasure keeps amounts, currency, status, lines and
 * invoice numbers, and removes what ties them to the person: the contact and conversation ids, and the
 * customer key (derived from them) replaced by a random one. Commerce stores no name, handle, email,
 * phone or address, and invoice PDFs are rendered on request from these rows, so they carry no customer
 * field either. A META_USER erasure finds nothing here (commerce does not know Meta ids).
 */
@Component
class CommercePrivacy implements PrivacyTaskHandler {

    private final JdbcTemplate jdbc;

    CommercePrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PrivacyExport export(PrivacySubject subject) {
        Orders of = Orders.of(subject);
        Map<String, List<?>> sections = new LinkedHashMap<>();
        sections.put("orders", PrivacyRows.query(jdbc, "SELECT id, status, contact_id, conversation_id, total_minor, "
                + "currency, provider, reference, channel_type, created_at, paid_at, closed_at FROM orders WHERE "
                + of.where + " ORDER BY created_at", of.args));
        sections.put("orderLines", PrivacyRows.query(jdbc, "SELECT order_id, line_no, sku, name, quantity, "
                + "unit_price_minor FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE " + of.where
                + ") ORDER BY order_id, line_no", of.args));
        sections.put("invoices", PrivacyRows.query(jdbc, "SELECT id, order_id, number, total_minor, currency, "
                + "provider, reference, paid_at, issued_at FROM invoices WHERE order_id IN (SELECT id FROM orders "
                + "WHERE " + of.where + ") ORDER BY issued_at", of.args));
        return PrivacyExport.of(sections);
    }

    @Override
    public int erase(PrivacySubject subject) {
        Orders of = Orders.of(subject);
        int erased = jdbc.update("UPDATE invoices SET conversation_id = NULL WHERE conversation_id IS NOT NULL "
                + "AND order_id IN (SELECT id FROM orders WHERE " + of.where + ")", of.args);
        erased += jdbc.update("UPDATE orders SET contact_id = NULL, conversation_id = NULL, "
                + "customer_key = gen_random_uuid(), version = version + 1, updated_at = now() WHERE " + of.where
                + " AND (contact_id IS NOT NULL OR conversation_id IS NOT NULL)", of.args);
        return erased;
    }

    /** The subject's orders as a condition on {@code orders}, always within the business. */
    private record Orders(String where, Object[] args) {

        static Orders of(PrivacySubject subject) {
            return switch (subject.scope()) {
                case CONTACT -> new Orders("business_id = ? AND contact_id = ?",
                        new Object[] {subject.businessId(), subject.contactId()});
                case BUSINESS -> new Orders("business_id = ?", new Object[] {subject.businessId()});
                case META_USER -> new Orders("false", new Object[0]);
            };
        }
    }
}
