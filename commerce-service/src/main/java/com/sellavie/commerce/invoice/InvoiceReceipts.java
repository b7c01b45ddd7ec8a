package com.sellavie.commerce.invoice;

import com.sellavie.commerce.checkout.CustomerMessages;
import com.sellavie.events.commerce.OrderPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's receipt for a new invoice ({@code OutboundMessageRequested}, purpose RECEIPT, reference =
 * order id), requested in the invoice's own transaction: an invoice is inserted once, so its receipt is
 * requested once; the request's eventId is kept on the invoice.
 */
@Component
class InvoiceReceipts {

    private static final Logger log = LoggerFactory.getLogger(InvoiceReceipts.class);

    private final CustomerMessages messages;
    private final InvoiceRecords invoices;

    InvoiceReceipts(CustomerMessages messages, InvoiceRecords invoices) {
        this.messages = messages;
        this.invoices = invoices;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void request(Invoice invoice, OrderPaid paid) {
        if (invoice.conversationId() == null) {
            log.info("Invoice {} of order {}: no conversation to send the receipt to", invoice.number(),
                    invoice.orderId());
            return;
        }
        var eventId = messages.send(invoice.businessId(), invoice.conversationId(), paid.getCorrelationId(),
                paid.getEventId().toString(), ReceiptText.of(invoice), CustomerMessages.RECEIPT,
                invoice.orderId().toString());
        invoices.receiptRequested(invoice.id(), eventId);
    }
}
