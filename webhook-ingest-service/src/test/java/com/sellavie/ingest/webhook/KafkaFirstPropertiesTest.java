package com.sellavie.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaFirstPropertiesTest {

    @Test
    void unsetMeansOnFromTheRequestOneMillisecondOfLingerAndOneSecondToAcknowledge() {
        KafkaFirstProperties properties = new KafkaFirstProperties(null, null, null, null);

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.fromRequest()).isTrue();
        assertThat(properties.linger()).isEqualTo(Duration.ofMillis(1));
        assertThat(properties.ackTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNegativeLingerOrANonPositiveAcknowledgementTimeoutIsRefusedAtStart() {
        assertThatThrownBy(() -> new KafkaFirstProperties(true, null, true, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka-first.linger");
        assertThatThrownBy(() -> new KafkaFirstProperties(true, Duration.ZERO, true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka-first.ack-timeout");
    }
}
