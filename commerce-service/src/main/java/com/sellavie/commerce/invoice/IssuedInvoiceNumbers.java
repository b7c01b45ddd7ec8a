package com.sellavie.commerce.invoice;

import com.sellavie.commerce.checkout.InvoiceNumbers;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The INVOICE answer's number: the invoice issued for the order, in the current business. */
@Component
class IssuedInvoiceNumbers implements InvoiceNumbers {

    private final InvoiceRecords invoices;

    IssuedInvoiceNumbers(InvoiceRecords invoices) {
        this.invoices = invoices;
    }

    @Override
    public Optional<String> numberOf(UUID orderId) {
        return invoices.numberOf(TenantContext.requireBusinessId(), orderId);
    }
}
