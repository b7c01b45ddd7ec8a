package com.sellavie.platform.kafka;

import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.platform.failure.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Makes every failed delivery visible: a WARN line per failed attempt (exception, record position,
 * eventId, consumer group, attempt, classification, what happens next) and the counter
 * {@value #FAILURES} tagged {@code group}, {@code topic}, {@code classification}
 * ({@code transient|permanent}) and {@code outcome} ({@code retried|dead_lettered|dead_letter_failed}).
 *
 * <p>Spring Kafka calls {@link #failedDelivery} on the consumer thread right before it asks the
 * back-off for the next delay; the attempt is kept for that thread so that the
 * {@link PartitionPausingBackOffHandler} knows which partition to pause.
 */
class ListenerFailures implements RetryListener {

    static final String FAILURES = "sellavie.kafka.listener.failures";

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    private final ThreadLocal<Attempt> current = new ThreadLocal<>();
    private final MeterRegistry meters;

    ListenerFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One failed delivery of a record, as the error handler saw it. */
    record Attempt(ConsumerRecord<?, ?> record, Exception failure, int number) {

        String group() {
            return FailedRecords.group(failure);
        }

        FailureKind kind() {
            return FailureClassifier.classify(failure);
        }
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        current.set(new Attempt(record, failure, deliveryAttempt));
    }

    /** The attempt the consumer thread is handling now, or null. */
    Attempt current() {
        return current.get();
    }

    /** The current attempt will be retried after {@code delayMillis}. */
    void retrying(Attempt attempt, long delayMillis) {
        log.warn("Attempt {} of record {} (eventId {}, group {}) failed, {}: {}; its partition pauses, "
                        + "retry in {} ms", attempt.number(), FailedRecords.position(attempt.record()),
                FailedRecords.eventId(attempt.record()), attempt.group(), attempt.kind().tag(),
                FailedRecords.describe(attempt.failure()), delayMillis);
        count(attempt.record(), attempt.group(), attempt.kind(), "retried");
        current.remove();
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        Attempt attempt = attemptOf(record, failure);
        log.warn("Attempt {} of record {} (eventId {}, group {}) failed, {}: {}; {}", attempt.number(),
                FailedRecords.position(record), FailedRecords.eventId(record), attempt.group(), attempt.kind().tag(),
                FailedRecords.describe(failure), attempt.kind() == FailureKind.PERMANENT
                        ? "not retryable, dead-lettered" : "retry horizon reached, dead-lettered");
        count(record, attempt.group(), attempt.kind(), "dead_lettered");
        current.remove();
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        Attempt attempt = attemptOf(record, original);
        log.error("Could not dead-letter record {} (eventId {}, group {}): {}: {}; it will be retried",
                FailedRecords.position(record), FailedRecords.eventId(record), attempt.group(),
                failure.getClass().getName(), failure.getMessage(), failure);
        count(record, attempt.group(), attempt.kind(), "dead_letter_failed");
        current.remove();
    }

    private Attempt attemptOf(ConsumerRecord<?, ?> record, Exception failure) {
        Attempt attempt = current.get();
        return attempt != null && attempt.record() == record ? attempt : new Attempt(record, failure, 1);
    }

    private void count(ConsumerRecord<?, ?> record, String group, FailureKind kind, String outcome) {
        Counter.builder(FAILURES)
                .description("Failed deliveries of records to Kafka listeners, by what happened next")
                .tag("group", group)
                .tag("topic", record.topic())
                .tag("classification", kind.tag())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
