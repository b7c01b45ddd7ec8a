package com.sellavie.commerce.checkout;

import java.util.Optional;
import java.util.UUID;

/** The invoice number of an order of the current business, once it has one (the INVOICE answer); invoicing provides it. */
public interface InvoiceNumbers {

    Optional<String> numberOf(UUID orderId);
}
