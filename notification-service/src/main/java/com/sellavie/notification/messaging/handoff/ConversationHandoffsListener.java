package com.sellavie.notification.messaging.handoff;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.notification.feed.MerchantNotifications;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code conversation.handoffs}: a HANDOFF_REQUESTED notification when a conversation needs a person
 * ({@link HandoffAlerts}). Every event goes through the inbox (applied once) and is counted
 * ({@value #OUTCOMES}{type, outcome}); the tenant is the record's header and must be the event's own.
 */
@Component
class ConversationHandoffsListener {

    static final String OUTCOMES = "sellavie.notification.handoff_events";

    private final IdempotentEventHandler handler;
    private final MerchantNotifications notifications;
    private final MeterRegistry meters;

    ConversationHandoffsListener(IdempotentEventHandler handler, MerchantNotifications notifications,
            MeterRegistry meters) {
        this.handler = handler;
        this.notifications = notifications;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_HANDOFFS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        handler.handleOnce(record, event -> {
            requireSameTenant(record, event);
            outcome.set(event instanceof HandoffRequested requested
                    ? HandoffAlerts.of(requested).map(alert -> notifications.record(alert) ? "notified" : "duplicate")
                            .orElse("acknowledged")
                    // HandoffResolved, and types conversation may add later: nothing to alert.
                    : "acknowledged");
        });
        meters.counter(OUTCOMES, "type", EventMetadata.eventType(record.value()), "outcome", outcome.get())
                .increment();
    }

    private static void requireSameTenant(ConsumerRecord<?, ?> record, SpecificRecord event) {
        UUID tenant = TenantContext.requireBusinessId();
        UUID owner = EventMetadata.of(event).businessId();
        if (!tenant.equals(owner)) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's " + owner);
        }
    }
}
