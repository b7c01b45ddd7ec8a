package com.sellavie.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordConfigurationTest {

    @Test
    void refusesACostBelowTwelve() {
        assertThatThrownBy(() -> new PasswordConfiguration().passwordEncoder(11))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sellavie.identity.bcrypt-strength must be between 12 and 31, was 11");
    }

    @Test
    void hashesAtTheConfiguredCostAndUpgradesLowerOnes() {
        var encoder = new PasswordConfiguration().passwordEncoder(12);

        assertThat(encoder.encode("linen-Shirts-2026")).startsWith("$2a$12$");
        assertThat(encoder.upgradeEncoding(new PasswordConfiguration().passwordEncoder(13).encode("x"))).isFalse();
        assertThat(encoder.upgradeEncoding("$2a$10$" + "a".repeat(53))).isTrue();
    }
}
