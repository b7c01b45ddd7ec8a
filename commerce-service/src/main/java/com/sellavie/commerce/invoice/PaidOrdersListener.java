package com.sellavie.commerce.invoice;

import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code commerce.orders} (commerce's own topic; group {@value #GROUP}, platform inbox): each
 * {@code OrderPaid} issues the order's invoice once; every other event is acknowledged without effect.
 * Outcomes are counted in {@value #INVOICES} ({@code outcome=issued|already_invoiced|redelivered}).
 */
@Component
class PaidOrdersListener {

    static final String GROUP = "commerce-invoices";
    static final String INVOICES = "sellavie.commerce.invoices";
    private static final Logger log = LoggerFactory.getLogger(PaidOrdersListener.class);

    private final IdempotentEventHandler handler;
    private final InvoiceIssuing issuing;
    private final MeterRegistry meters;

    PaidOrdersListener(IdempotentEventHandler handler, InvoiceIssuing issuing, MeterRegistry meters) {
        this.handler = handler;
        this.issuing = issuing;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).COMMERCE_ORDERS.name()}", groupId = GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof OrderPaid)) {
            return;
        }
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        handler.handleOnce(record, event -> {
            OrderPaid paid = (OrderPaid) event;
            requireSameTenant(record, paid);
            Optional<Invoice> issued = issuing.issue(paid);
            issued.ifPresent(i -> log.info("Invoice {} issued for order {}", i.number(), i.orderId()));
            outcome.set(issued.isPresent() ? "issued" : "already_invoiced");
        });
        // Counted after the commit: a rolled-back attempt is retried and counted once it lands.
        meters.counter(INVOICES, "outcome", outcome.get()).increment();
    }

    /** A header naming another business than the payload is a producer bug: never guess which is right. */
    private static void requireSameTenant(ConsumerRecord<?, ?> record, OrderPaid paid) {
        if (!TenantContext.requireBusinessId().equals(paid.getBusinessId())) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header differs from OrderPaid's " + paid.getBusinessId());
        }
    }
}
