package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import com.sellavie.gateway.RunningGateway;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens naming made-up key ids (a random {@code kid} per request) do not make the edge fetch identity's
 * JWKS per request: within the refetch interval it is fetched again at most once after the warm-up, and a
 * key identity really rotated to is accepted once the interval lets a fetch through.
 */
class JwksRefetchThrottlingTest extends RunningGateway {

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final StubService CONVERSATION = new StubService("conversation");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        TestTokens.register(registry);
        registry.add("sellavie.gateway.jwt.jwks-refetch-min-interval", () -> REFETCH_INTERVAL.toString());
    }

    @AfterEach
    void servesTheOriginalKeyAgain() {
        TestTokens.serve(TestTokens.currentKey());
    }

    @AfterAll
    static void stop() {
        CONVERSATION.close();
    }

    @Test
    void randomKeyIdsFetchTheJwksAtMostOncePerIntervalAndARotatedKeyIsStillPickedUp() throws Exception {
        assertThat(get(TestTokens.valid()).statusCode()).isEqualTo(200);
        int fetchesAfterWarmUp = TestTokens.jwksRequests();
        RSAKey attacker = TestTokens.newKey("attacker");

        for (int i = 0; i < 20; i++) {
            RSAKey randomKid = new RSAKey.Builder(attacker).keyID("random-" + UUID.randomUUID()).build();
            assertThat(get(TestTokens.token(randomKid, "at+jwt", claims -> { })).statusCode()).isEqualTo(401);
        }

        assertThat(TestTokens.jwksRequests() - fetchesAfterWarmUp).as("JWKS fetches for 20 unknown key ids")
                .isLessThanOrEqualTo(1);
        assertThat(meters.counter(IdentityJwks.REFETCH_METER, "outcome", "rate_limited").count())
                .isGreaterThanOrEqualTo(19);
        assertThat(get(TestTokens.valid()).statusCode()).as("the known key still verifies, from the cache")
                .isEqualTo(200);

        RSAKey rotated = TestTokens.newKey("rotated-" + UUID.randomUUID());
        TestTokens.serve(rotated, TestTokens.currentKey());
        String signedByTheNewKey = TestTokens.token(rotated, "at+jwt", claims -> { });
        await().atMost(REFETCH_INTERVAL.multipliedBy(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(get(signedByTheNewKey).statusCode()).isEqualTo(200));
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
