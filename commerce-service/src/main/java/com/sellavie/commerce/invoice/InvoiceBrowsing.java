package com.sellavie.commerce.invoice;

import com.sellavie.commerce.business.BusinessNames;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the team reads: the business's invoices, one invoice, its PDF. */
@Service
class InvoiceBrowsing {

    private final InvoiceRecords invoices;
    private final BusinessNames businessNames;

    InvoiceBrowsing(InvoiceRecords invoices, BusinessNames businessNames) {
        this.invoices = invoices;
        this.businessNames = businessNames;
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
        return InvoiceView.detail(find(id), businessNames.current().orElse(null));
    }

    @Transactional(readOnly = true)
    Pdf pdf(UUID id) {
        Invoice invoice = find(id);
        return new Pdf(invoice.number() + ".pdf", InvoicePdf.render(invoice, businessNames.current().orElse(null)));
    }

    private Invoice find(UUID id) {
        return invoices.find(TenantContext.requireBusinessId(), id).orElseThrow(() -> new InvoiceNotFoundException(id));
    }

    record Page(List<InvoiceView> invoices, boolean hasMore) {
    }

    record Pdf(String filename, byte[] bytes) {
    }
}
