package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class TransientBackOffTest {

    @Test
    void defaultsDoubleFrom200MillisUpTo30SecondsForFifteenMinutes() {
        KafkaRetryProperties defaults = new KafkaRetryProperties(null, null, null, null);
        BackOffExecution waits = KafkaPlatformAutoConfiguration.transientBackOff(defaults).start();

        List<Long> sequence = new ArrayList<>();
        for (long wait = waits.nextBackOff(); wait != BackOffExecution.STOP; wait = waits.nextBackOff()) {
            sequence.add(wait);
        }

        assertThat(sequence).startsWith(200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L);
        assertThat(sequence).allMatch(wait -> wait <= 30_000);
        long total = sequence.stream().mapToLong(Long::longValue).sum();
        assertThat(Duration.ofMillis(total)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
    }

    @Test
    void aRecordWaitingForAnUnreachableRegistryIsRetriedPastTheHorizonAndNeverDeadLettered() {
        KafkaRetryProperties defaults = new KafkaRetryProperties(null, null, null, null);
        BackOff transientBackOff = KafkaPlatformAutoConfiguration.transientBackOff(defaults);
        BackOff registryOutageBackOff = KafkaPlatformAutoConfiguration.registryOutageBackOff(defaults);
        // As the error handler sees it: the deserializer's failure, wrapped by Spring Kafka.
        Throwable registryAway = new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 0x7f},
                false, new SchemaRegistryUnavailableException("Schema registry unreachable while decoding"));

        BackOffExecution waits = KafkaPlatformAutoConfiguration.backOffFor(
                registryAway, transientBackOff, registryOutageBackOff).start();

        // Two days of waits: still waiting, never more than 30 s apart.
        long total = 0;
        while (total < Duration.ofDays(2).toMillis()) {
            long wait = waits.nextBackOff();
            assertThat(wait).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(30_000);
            total += wait;
        }
    }

    @Test
    void otherTransientFailuresStopAtTheHorizonAndPermanentOnesAtOnce() {
        KafkaRetryProperties defaults = new KafkaRetryProperties(null, null, null, null);
        BackOff transientBackOff = KafkaPlatformAutoConfiguration.transientBackOff(defaults);
        BackOff registryOutageBackOff = KafkaPlatformAutoConfiguration.registryOutageBackOff(defaults);

        assertThat(KafkaPlatformAutoConfiguration.backOffFor(new SocketTimeoutException("read timed out"),
                transientBackOff, registryOutageBackOff)).isSameAs(transientBackOff);
        BackOffExecution permanent = KafkaPlatformAutoConfiguration.backOffFor(
                new IllegalArgumentException("not a valid order"), transientBackOff, registryOutageBackOff).start();
        assertThat(permanent.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void nonsensicalSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new KafkaRetryProperties(Duration.ZERO, 2.0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sellavie.kafka.retry");
        assertThatThrownBy(() -> new KafkaRetryProperties(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-interval");
    }
}
