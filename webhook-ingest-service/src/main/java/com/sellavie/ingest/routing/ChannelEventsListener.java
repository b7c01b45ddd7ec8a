package com.sellavie.ingest.routing;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.ingest.unroutable.UnroutableReplay;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the routing table in step with {@code conversation.channels}: each event applied once
 * (platform inbox), as the tenant its {@code businessId} header names. A connected channel also
 * gets the DMs kept for it while it was unknown (replayed in the same transaction).
 */
@Component
class ChannelEventsListener {

    static final String GROUP = "webhook-ingest-service.channel-routes";
    private static final Logger log = LoggerFactory.getLogger(ChannelEventsListener.class);

    private final IdempotentEventHandler handler;
    private final ChannelRoutes routes;
    private final UnroutableReplay unroutable;
    private final MeterRegistry meters;

    ChannelEventsListener(IdempotentEventHandler handler, ChannelRoutes routes, UnroutableReplay unroutable,
            MeterRegistry meters) {
        this.handler = handler;
        this.routes = routes;
        this.unroutable = unroutable;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_CHANNELS.name()}", groupId = GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case ChannelConnected connected -> connected(connected);
                case ChannelDisconnected disconnected -> disconnected(disconnected);
                case ChannelNeedsReconnect needsReconnect -> needsReconnect(needsReconnect);
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
        replayKeptMessages(event);
    }

    /**
     * DMs that arrived before this channel was known, routed now in this same transaction. A failing
     * replay must not cost the channel its route: it is rolled back alone (savepoint), logged and
     * counted, and the messages stay kept for {@code POST /ops/unroutable/replay}.
     */
    private void replayKeptMessages(ChannelConnected event) {
        try {
            unroutable.replayForChannel(event.getChannelType(), event.getExternalId().strip(),
                    digits(event.getDisplayPhoneNumber()), event.getWhatsappBusinessAccountId());
        } catch (RuntimeException e) {
            meters.counter("sellavie.ingest.unroutable.replay_failures", "trigger", "channel_connected").increment();
            log.warn("Channel {} ({} {}) is routed, but its kept unroutable messages could not be replayed now"
                    + " ({}: {}); they stay kept until POST /ops/unroutable/replay (./sellavie unroutable replay)",
                    event.getChannelId(), event.getChannelType(), event.getExternalId(), e.getClass().getSimpleName(),
                    e.getMessage());
        }
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
     * Sends fail until the merchant reconnects, but customers' messages must still arrive: the route
     * stays as it is (the event is only recorded in the inbox).
     */
    private void needsReconnect(ChannelNeedsReconnect event) {
        tenantOf(event.getBusinessId());
        log.info("Channel {} ({} {}) needs reconnecting; it keeps routing", event.getChannelId(),
                event.getChannelType(), event.getExternalId());
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
