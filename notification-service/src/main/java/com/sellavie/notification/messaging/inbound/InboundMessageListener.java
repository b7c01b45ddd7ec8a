package com.sellavie.notification.messaging.inbound;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.feed.MerchantNotifications;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One merchant notification per customer message; none for a member's own "Try your assistant" message
 * (channel type SANDBOX: the member is the one writing). The tenant is the record's {@code businessId}
 * header (platform); the inbox entry and the notification commit together, so a redelivered record
 * changes nothing.
 */
@Component
class InboundMessageListener {

    static final String SANDBOX = "SANDBOX";

    private final IdempotentEventHandler handler;
    private final MerchantNotifications notifications;

    InboundMessageListener(IdempotentEventHandler handler, MerchantNotifications notifications) {
        this.handler = handler;
        this.notifications = notifications;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).INGEST_INBOUND_MESSAGES.name()}")
    void on(ConsumerRecord<String, InboundMessageReceived> record) {
        handler.handleOnce(record, message -> {
            requireSameTenant(record, message);
            if (!SANDBOX.equals(message.getChannelType())) {
                notifications.record(NewMessageNotifications.of(message));
            }
        });
    }

    /** A header naming another business than the payload is a producer bug: never guess which is right. */
    private static void requireSameTenant(ConsumerRecord<?, ?> record, InboundMessageReceived message) {
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(message.getBusinessId())) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's "
                    + message.getBusinessId());
        }
    }
}
