package com.sellavie.commerce.payment.reconcile;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ingest.payment-events} (group commerce-service): in the inbox's transaction the notification is
 * only recorded (once per business, provider and provider event id); the {@link ReconcileScheduler}
 * reconciles it, and calls providers, later and never on this thread.
 */
@Component
class PaymentEventListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventListener.class);

    private final IdempotentEventHandler handler;
    private final PaymentNotifications notifications;
    private final ReconcileScheduler scheduler;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentEventListener(IdempotentEventHandler handler, PaymentNotifications notifications,
            ReconcileScheduler scheduler, MeterRegistry meters, Clock clock) {
        this.handler = handler;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.meters = meters;
        this.clock = clock;
    }

    @KafkaListener(topics = "ingest.payment-events", groupId = "commerce-service",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, PaymentEventReceived> record) {
        AtomicBoolean recorded = new AtomicBoolean();
        handler.handleOnce(record, event -> recorded.set(notifications.record(event, clock.instant())));
        PaymentEventReceived event = record.value();
        if (recorded.get()) {
            scheduler.wakeUp();
        } else {
            meters.counter(ReconcileOutcomes.METRIC, "outcome", "duplicate", "provider", event.getProvider())
                    .increment();
            log.info("Payment notification {} {} of business {} already recorded (repeated delivery): ignored",
                    event.getProvider(), event.getProviderEventId(), event.getBusinessId());
        }
    }
}
