package com.sellavie.commerce.invoice;

import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the team reads: the business's invoices, one invoice, its PDF. */
@Service
class InvoiceBrowsing {

    /** Commerce does not learn business names yet (identity owns them): the PDF and the API leave it out. */
    private static final String UNKNOWN_BUSINESS_NAME = null;

    private final InvoiceRecords invoices;

    InvoiceBrowsing(InvoiceRecords invoices) {
        this.invoices = invoices;
    }

    /** Newest first; one more than asked is read to know whether more exist. */
    @Transactional(readOnly = true)
    Page list(UUID beforeInvoice, Instant beforeInstant, int limit) {
        List<Invoice> found = invoices.newestFirst(TenantContext.requireBusinessId(), beforeInvoice, beforeInstant,
                limit + 1);
        boolean more = found.size() > limit;
        return new Page((more ? found.subList(0, limit) : found).stream().map(InvoiceView::summary).toList(), more);
    }

    @Transactional(readOnly = true)
    InvoiceView get(UUID id) {
        return InvoiceView.detail(find(id), UNKNOWN_BUSINESS_NAME);
    }

    @Transactional(readOnly = true)
    Pdf pdf(UUID id) {
        Invoice invoice = find(id);
        return new Pdf(invoice.number() + ".pdf", InvoicePdf.render(invoice, UNKNOWN_BUSINESS_NAME));
    }

    private Invoice find(UUID id) {
        return invoices.find(TenantContext.requireBusinessId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    record Page(List<InvoiceView> invoices, boolean hasMore) {
    }

    record Pdf(String filename, byte[] bytes) {
    }
}
