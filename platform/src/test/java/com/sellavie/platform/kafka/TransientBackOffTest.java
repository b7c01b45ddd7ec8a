package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void nonsensicalSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new KafkaRetryProperties(Duration.ZERO, 2.0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sellavie.kafka.retry");
        assertThatThrownBy(() -> new KafkaRetryProperties(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-interval");
    }
}
