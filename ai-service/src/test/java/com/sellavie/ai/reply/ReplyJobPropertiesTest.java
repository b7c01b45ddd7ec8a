package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyJobPropertiesTest {

    private final ReplyJobProperties defaults = new ReplyJobProperties(null, null, null, null, null, null, null, null,
            null, null, null);

    @Test
    void backoffStartsAtTwoSecondsDoublesAndStopsAtOneMinute() {
        assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(defaults.backoffAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.backoffAfter(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void defaultsFitTheIssue() {
        assertThat(defaults.replyWorkers()).isEqualTo(200);
        assertThat(defaults.replyLease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.retryHorizon()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.replyMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.replyShutdownGrace()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesNoWorkersAndAShrinkingBackoff() {
        assertThatThrownBy(() -> new ReplyJobProperties(0, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("sellavie.ai.reply-workers");
        assertThatThrownBy(() -> new ReplyJobProperties(null, null, null, null, 0.5, null, null, null, null, null,
                null)).hasMessageContaining("sellavie.ai.retry-multiplier");
        assertThatThrownBy(() -> new ReplyJobProperties(null, Duration.ZERO, null, null, null, null, null, null, null,
                null, null)).hasMessageContaining("sellavie.ai.reply-lease");
    }
}
