package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Every listener container factory gets the commit bound, unless it chose one itself. */
class BoundedOffsetCommitsTest {

    @Test
    void aFactoryWithoutABoundGetsThePlatforms() {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();

        new BoundedOffsetCommits(Duration.ofSeconds(5)).postProcessAfterInitialization(factory, "factory");

        assertThat(factory.getContainerProperties().getSyncCommitTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFactorysOwnBoundIsKept() {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.getContainerProperties().setSyncCommitTimeout(Duration.ofSeconds(20));

        new BoundedOffsetCommits(Duration.ofSeconds(5)).postProcessAfterInitialization(factory, "factory");

        assertThat(factory.getContainerProperties().getSyncCommitTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void noBoundIsRefusedAtStart() {
        assertThatThrownBy(() -> new BoundedOffsetCommits(Duration.ZERO))
                .hasMessage("sellavie.kafka.commit-timeout must be positive, was PT0S");
    }
}
