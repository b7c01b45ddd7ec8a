package com.sellavie.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts what each listener did with each record it was given: {@value #RECORDS} tagged
 * {@code group}, {@code topic} and {@code outcome} ({@code processed|failed}; a failed attempt that
 * is retried counts again). Records that could not even be decoded never reach a listener; they are
 * counted by {@link ListenerFailures}.
 */
class ListenerOutcomes implements RecordInterceptor<Object, Object> {

    static final String RECORDS = "sellavie.kafka.listener.records";

    private final MeterRegistry meters;

    ListenerOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        count(record, consumer, "processed");
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception,
            Consumer<Object, Object> consumer) {
        count(record, consumer, "failed");
    }

    private void count(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, String outcome) {
        Counter.builder(RECORDS)
                .description("Records handed to Kafka listeners, by outcome")
                .tag("group", groupOf(consumer))
                .tag("topic", record.topic())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static String groupOf(Consumer<?, ?> consumer) {
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException noGroup) {
            return FailedRecords.UNKNOWN;
        }
    }
}
