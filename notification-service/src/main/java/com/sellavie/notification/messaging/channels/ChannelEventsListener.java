package com.sellavie.notification.messaging.channels;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts the team when one of its channels needs reconnecting ({@code ChannelNeedsReconnect}). Every
 * event of {@code conversation.channels} goes through the inbox (connects and disconnects are the
 * merchant's own actions: acknowledged without a notification), counted as {@value #OUTCOMES}.
 */
@Component
class ChannelEventsListener {

    static final String OUTCOMES = "sellavie.notification.channel_events";
    private static final Logger log = LoggerFactory.getLogger(ChannelEventsListener.class);

    private final IdempotentEventHandler handler;
    private final MerchantNotifications notifications;
    private final MeterRegistry meters;

    ChannelEventsListener(IdempotentEventHandler handler, MerchantNotifications notifications, MeterRegistry meters) {
        this.handler = handler;
        this.notifications = notifications;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_CHANNELS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        handler.handleOnce(record, event -> {
            requireSameTenant(record, event);
            outcome.set(apply(event));
        });
        meters.counter(OUTCOMES, "type", EventMetadata.eventType(record.value()), "outcome", outcome.get())
                .increment();
    }

    private String apply(SpecificRecord event) {
        return switch (event) {
            case ChannelNeedsReconnect needsReconnect ->
                    notifications.record(ChannelAlerts.needsReconnect(needsReconnect)) ? "notified" : "duplicate";
            case ChannelConnected connected -> "acknowledged";
            case ChannelDisconnected disconnected -> "acknowledged";
            default -> {
                log.debug("No alert for {} on conversation.channels: type not handled by notification-service",
                        EventMetadata.eventType(event));
                yield "unhandled";
            }
        };
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
