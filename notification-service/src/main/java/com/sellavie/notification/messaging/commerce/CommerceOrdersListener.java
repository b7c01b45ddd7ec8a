package com.sellavie.notification.messaging.commerce;

import com.sellavie.notification.feed.MerchantNotifications;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts the team about the commerce events it must act on or wants to know ({@link CommerceAlerts}).
 * Every event of {@code commerce.orders} goes through the inbox, alerting or not, so each is applied
 * once and counted ({@value #OUTCOMES}, tags {@code type} and {@code outcome}); the tenant is the
 * record's {@code businessId} header (platform). Undecodable records are dead-lettered by the platform.
 */
@Component
class CommerceOrdersListener {

    static final String OUTCOMES = "sellavie.notification.commerce_events";
    private static final Logger log = LoggerFactory.getLogger(CommerceOrdersListener.class);

    private final IdempotentEventHandler handler;
    private final MerchantNotifications notifications;
    private final MeterRegistry meters;

    CommerceOrdersListener(IdempotentEventHandler handler, MerchantNotifications notifications, MeterRegistry meters) {
        this.handler = handler;
        this.notifications = notifications;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).COMMERCE_ORDERS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        handler.handleOnce(record, event -> {
            requireSameTenant(record, event);
            outcome.set(apply(event));
        });
        // Counted after the transaction: a rolled-back attempt is retried and counted once it lands.
        meters.counter(OUTCOMES, "type", EventMetadata.eventType(record.value()), "outcome", outcome.get())
                .increment();
    }

    private String apply(SpecificRecord event) {
        String type = EventMetadata.eventType(event);
        if (CommerceAlerts.ACKNOWLEDGED_WITHOUT_ALERT.contains(event.getClass())) {
            return "acknowledged";
        }
        Optional<NotificationDraft> alert = CommerceAlerts.of(event);
        if (alert.isEmpty()) {
            // The topic carries several types and commerce may add more before this service knows them:
            // acknowledged on purpose (dead-lettering would stall nothing but fill the DLT with valid events).
            log.debug("No alert for {} {} on commerce.orders: type not handled by notification-service", type,
                    EventMetadata.of(event).eventId());
            return "unhandled";
        }
        return notifications.record(alert.get()) ? "notified" : "duplicate";
    }

    /** A header naming another business than the payload is a producer bug: never guess which is right. */
    private static void requireSameTenant(ConsumerRecord<?, ?> record, SpecificRecord event) {
        UUID tenant = TenantContext.requireBusinessId();
        UUID owner = EventMetadata.of(event).businessId();
        if (!tenant.equals(owner)) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's " + owner);
        }
    }
}
