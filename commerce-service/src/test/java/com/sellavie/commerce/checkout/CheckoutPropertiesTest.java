package com.sellavie.commerce.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckoutPropertiesTest {

    private static CheckoutProperties properties() {
        return new CheckoutProperties(10, 10, "customers.sellavie.invalid", "p", "f", "s", "", "r", "ok", "no",
                Duration.ofSeconds(2), Duration.ofSeconds(10), 4, Duration.ofSeconds(60), Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    @Test
    void retriesWaitTwoSecondsDoublingUpToAMinute() {
        CheckoutProperties properties = properties();

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}
