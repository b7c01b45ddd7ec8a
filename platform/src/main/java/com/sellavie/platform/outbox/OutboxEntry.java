package com.sellavie.platform.outbox;

import java.util.UUID;

/** One row of the outbox table: what the relay needs to route the event, and its wire bytes. */
record OutboxEntry(UUID id, String topic, String aggregateId, String eventType, UUID businessId,
        String correlationId, String traceparent, byte[] payload) {
}
