package com.sellavie.platform.kafka;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;

/**
 * Bounds every listener container's synchronous offset commit ({@code sellavie.kafka.commit-timeout}). Left unset,
 * Spring Kafka waits the consumer's {@code default.api.timeout.ms}, 60 s: with the broker unreachable, a consumer
 * thread blocked that long in a routine commit, and a stop hung on the commit of what was handled last (past the
 * shutdown phase's timeout, so past a service's stop budget). A commit that times out is only a later commit: the
 * next one carries the same offsets, and a replay after a crash meets the inbox.
 */
class BoundedOffsetCommits implements BeanPostProcessor {

    private final Duration timeout;

    BoundedOffsetCommits(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sellavie.kafka.commit-timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory
                && factory.getContainerProperties().getSyncCommitTimeout() == null) {
            factory.getContainerProperties().setSyncCommitTimeout(timeout);
        }
        return bean;
    }
}
