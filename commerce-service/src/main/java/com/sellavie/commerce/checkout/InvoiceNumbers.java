package com.sellavie.commerce.checkout;

import java.util.Optional;
import java.util.UUID;

/** The invoice number of an order, once invoices exist (the invoicing slice provides the real one). */
interface InvoiceNumbers {

    Optional<String> numberOf(UUID orderId);
}
