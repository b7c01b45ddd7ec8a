package com.sellavie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.RefusingPort;
import com.sellavie.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis unreachable: a valid token is refused (fail closed) with 503, quickly, and counted. */
@IntegrationTest
@SpringBootTest(classes = SecuredTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=denylist-down-test")
class DenylistUnavailableTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        // held until the JVM exits: the context (and its Redis client) may be cached beyond this class
        RefusingPort nothingListens = RefusingPort.open();
        registry.add("spring.data.redis.url", () -> "redis://" + nothingListens.address());
        registry.add("sellavie.test.redis-timeout", () -> "500ms"); // production's bound (the tests' is looser)
    }

    @Test
    void validTokensAreRefusedWith503WhenTheDenylistCannotBeRead() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/whoami"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(UUID.randomUUID())).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Authentication temporarily unavailable\"");
        assertThat(millis).isLessThan(3_000);
        assertThat(meters.counter("sellavie.security.denylist.failures").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void publicPathsAndHealthProbesDoNotNeedTheDenylist() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
