package com.sellavie.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailPropertiesTest {

    @Test
    void retryDelaysGrowExponentiallyUpToTheMaximum() {
        EmailProperties properties = new EmailProperties("k", null, null, 0, null, 8, Duration.ofSeconds(30), 2,
                Duration.ofMinutes(5));

        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryDelayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.retryDelayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.retryDelayAfter(40)).isEqualTo(Duration.ofMinutes(5));
    }
}
