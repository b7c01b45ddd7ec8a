package com.sellavie.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final Instant LOGIN = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofDays(7);

    @Test
    void aSessionEndsThirtyDaysAfterLogInHoweverActive() {
        Session session = session(LOGIN.plus(Duration.ofDays(29)), LOGIN.plus(Duration.ofDays(30)), null);

        assertThat(session.liveAt(LOGIN.plus(Duration.ofDays(29)).plusSeconds(60), IDLE)).isTrue();
        assertThat(session.liveAt(LOGIN.plus(Duration.ofDays(30)), IDLE)).isFalse();
    }

    @Test
    void aSessionEndsAfterSevenDaysWithoutARefresh() {
        Session session = session(LOGIN.plus(Duration.ofDays(2)), LOGIN.plus(Duration.ofDays(30)), null);

        assertThat(session.liveAt(LOGIN.plus(Duration.ofDays(9)).minusSeconds(1), IDLE)).isTrue();
        assertThat(session.liveAt(LOGIN.plus(Duration.ofDays(9)), IDLE)).isFalse();
    }

    @Test
    void aRevokedSessionIsOver() {
        Session session = session(LOGIN, LOGIN.plus(Duration.ofDays(30)), LOGIN.plusSeconds(5));

        assertThat(session.liveAt(LOGIN.plusSeconds(10), IDLE)).isFalse();
    }

    @Test
    void refreshTokensCarry256RandomBitsAsBase64Url() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RefreshTokenValue.generate();
            assertThat(RefreshTokenValue.plausible(token)).isTrue();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
        assertThat(RefreshTokenValue.hash("a")).hasSize(32);
        assertThat(RefreshTokenValue.plausible("é".repeat(43))).isFalse();
        assertThat(RefreshTokenValue.plausible(null)).isFalse();
    }

    private static Session session(Instant lastUsed, Instant expires, Instant revoked) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Phone/1.0", "203.0.113.7", LOGIN,
                lastUsed, expires, revoked, List.of("pwd"));
    }
}
