package com.sellavie.ingest.routing;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the routing table in step with {@code conversation.channels}: each event applied once
 * (platform inbox), as the tenant its {@code businessId} header names.
 */
@Component
class ChannelEventsListener {

    static final String GROUP = "webhook-ingest-service.channel-routes";
    private static final Logger log = LoggerFactory.getLogger(ChannelEventsListener.class);

    private final IdempotentEventHandler handler;
    private final ChannelRoutes routes;

    ChannelEventsListener(IdempotentEventHandler handler, ChannelRoutes routes) {
        this.handler = handler;
        this.routes = routes;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_CHANNELS.name()}", groupId = GROUP)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case ChannelConnected connected -> connected(connected);
                case ChannelDisconnected disconnected -> disconnected(disconnected);
                default -> throw new IllegalArgumentException("Unexpected event on conversation.channels: "
                        + event.getSchema().getFullName());
            }
        });
    }

    private void connected(ChannelConnected event) {
        UUID businessId = tenantOf(event.getBusinessId());
        routes.save(event.getChannelId(), businessId, event.getChannelType(),
                event.getExternalId().strip(), event.getPageId(), event.getWhatsappBusinessAccountId(),
                digits(event.getDisplayPhoneNumber()), true, event.getOccurredAt());
        log.info("Channel {} ({} {}) routes to its business", event.getChannelId(), event.getChannelType(),
                event.getExternalId());
    }

    private void disconnected(ChannelDisconnected event) {
        UUID businessId = tenantOf(event.getBusinessId());
        routes.save(event.getChannelId(), businessId, event.getChannelType(),
                event.getExternalId().strip(), event.getPageId(), event.getWhatsappBusinessAccountId(),
                digits(event.getDisplayPhoneNumber()), false, event.getOccurredAt());
        log.info("Channel {} ({} {}) no longer routed", event.getChannelId(), event.getChannelType(),
                event.getExternalId());
    }

    /**
     * The record's tenant (header), which must be the event's own: a mismatch is a producer bug and
     * goes to the dead-letter topic rather than filing a channel under the wrong business.
     */
    private static UUID tenantOf(UUID eventBusinessId) {
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(eventBusinessId)) {
            throw new IllegalArgumentException("businessId header " + tenant + " differs from the event's "
                    + eventBusinessId);
        }
        return tenant;
    }

    private static String digits(String phoneNumber) {
        if (phoneNumber == null) {
            return null;
        }
        String digits = phoneNumber.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }
}
