/**
 * Invoices: a paid order ({@code OrderPaid} on commerce.orders) becomes exactly one invoice with the
 * business's next gap-free number, a receipt to the customer and {@code InvoiceIssued}; the team reads
 * them and downloads their PDF.
 */
package com.sellavie.commerce.invoice;
