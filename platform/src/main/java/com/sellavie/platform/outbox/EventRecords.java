package com.sellavie.platform.outbox;

import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event as the outbox stores it and as the relay puts it on Kafka: its topic, its key (the aggregate id),
 * its Confluent-framed Avro bytes and the catalog's headers ({@link EventHeaders}). A service that sends an
 * event to Kafka itself (ingest's Kafka-first webhooks) sends exactly the record the relay would have sent,
 * so consumers and analysts cannot tell the two paths apart.
 */
public final class EventRecords {

    private final EventSerializer serializer;
    private final TraceparentSource traceparent;

    EventRecords(EventSerializer serializer, TraceparentSource traceparent) {
        this.serializer = serializer;
        this.traceparent = traceparent;
    }

    /** The outbox row of {@code event}. */
    OutboxEntry entry(SpecificRecord event, String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("An event needs its aggregate id (the Kafka key)");
        }
        String topic = Topics.of(event.getClass()).name();
        EventMetadata metadata = EventMetadata.of(event);
        return new OutboxEntry(metadata.eventId(), topic, aggregateId, EventMetadata.eventType(event),
                metadata.businessId(), metadata.correlationId(), traceparent.current(),
                serializer.serialize(topic, event));
    }

    /** The Kafka record the relay would send for {@code event} published with {@code aggregateId}. */
    public ProducerRecord<String, byte[]> record(SpecificRecord event, String aggregateId) {
        OutboxEntry entry = entry(event, aggregateId);
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.EVENT_ID, entry.id().toString());
        header(headers, EventHeaders.EVENT_TYPE, entry.eventType());
        header(headers, EventHeaders.BUSINESS_ID, entry.businessId().toString());
        if (entry.traceparent() != null) {
            header(headers, EventHeaders.TRACEPARENT, entry.traceparent());
        }
        return new ProducerRecord<>(entry.topic(), null, entry.aggregateId(), entry.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
