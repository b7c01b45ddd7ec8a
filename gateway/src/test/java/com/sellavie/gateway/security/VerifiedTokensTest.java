package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/** The verified-token cache: a token is verified once while valid, and verified again once it expired. */
class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aValidTokenIsVerifiedOnceAndThenServedFromMemory() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), Duration.ZERO);
        Function<String, Mono<Jwt>> verifier = verifierExpiringAt(Instant.now().plusSeconds(600));

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.get("token-a", verifier).block()).isNotNull();
        }

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), Duration.ZERO);
        Function<String, Mono<Jwt>> verifier = verifierExpiringAt(Instant.now().plusMillis(800));
        tokens.get("token-b", verifier).block();

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            tokens.get("token-b", verifier).block();
            return verifications.get() > 1;
        });
    }

    @Test
    void noTokenIsRememberedLongerThanTheCacheLifetime() {
        VerifiedTokens tokens = tokens(Duration.ofMillis(500), Duration.ZERO);
        Function<String, Mono<Jwt>> verifier = verifierExpiringAt(Instant.now().plusSeconds(600));
        tokens.get("token-c", verifier).block();

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            tokens.get("token-c", verifier).block();
            return verifications.get() > 1;
        });
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), Duration.ZERO);
        Function<String, Mono<Jwt>> refusing = token -> {
            verifications.incrementAndGet();
            return Mono.error(new JwtException("bad signature"));
        };

        for (int i = 0; i < 3; i++) {
            tokens.get("forged", refusing).onErrorResume(JwtException.class, e -> Mono.empty()).block();
        }

        assertThat(verifications).hasValue(3);
    }

    private static VerifiedTokens tokens(Duration ttl, Duration clockSkew) {
        return new VerifiedTokens(100, ttl, clockSkew, new SimpleMeterRegistry());
    }

    private Function<String, Mono<Jwt>> verifierExpiringAt(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("member")
                    .issuedAt(Instant.now().minusSeconds(1)).expiresAt(expiresAt).build());
        };
    }
}
