package com.sellavie.platform.kafka;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Waits out a retry's back-off by pausing only the failing record's partition, never the consumer
 * thread: the error handler has sought the partition back to the failed record, the thread keeps
 * polling and handling the container's other partitions, and a scheduler resumes the partition when
 * the delay is over, so the record is delivered again (records behind it on that partition wait,
 * which keeps each key's events in order).
 *
 * <p>Spring Kafka's own {@code ContainerPausingBackOffHandler} pauses the whole container when used
 * by {@code DefaultErrorHandler} (which does not pass the partition), which would stall every
 * partition behind one failing record; the partition comes here from {@link ListenerFailures}.
 */
class PartitionPausingBackOffHandler implements BackOffHandler {

    private final ListenerContainerPauseService pauser;
    private final ListenerFailures failures;
    private final BackOffHandler sleeping = new DefaultBackOffHandler();

    PartitionPausingBackOffHandler(ListenerContainerPauseService pauser, ListenerFailures failures) {
        this.pauser = pauser;
        this.failures = failures;
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
        ListenerFailures.Attempt attempt = failures.current();
        if (container == null || attempt == null) {
            // Only outside a listener container (no partition to pause): wait in place.
            sleeping.onNextBackOff(container, exception, nextBackOff);
            return;
        }
        failures.retrying(attempt, nextBackOff);
        TopicPartition partition = new TopicPartition(attempt.record().topic(), attempt.record().partition());
        pauser.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
    }

    @Override
    public void onNextBackOff(MessageListenerContainer container, TopicPartition partition, long nextBackOff) {
        pauser.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
    }
}
