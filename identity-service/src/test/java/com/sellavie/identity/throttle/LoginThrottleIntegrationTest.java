package com.sellavie.identity.throttle;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The default counts (5 free failures per address, 20 per client) over real HTTP and the machine's Redis.
 * The first delay is a minute here instead of the default second: a busy CI machine once took over a
 * second between a 5th failure and the next request, so the block had expired before the test looked.
 * The default delays are {@link LoginThrottleTest}'s.
 */
@IdentityIntegrationTest
@TestPropertySource(properties = {
        "sellavie.identity.login-throttle.account.free-failures=5",
        "sellavie.identity.login-throttle.account.lock-after=10",
        "sellavie.identity.login-throttle.account.first-delay=60s",
        "sellavie.identity.login-throttle.ip.free-failures=20",
        "sellavie.identity.login-throttle.ip.lock-after=100",
        "sellavie.identity.login-throttle.ip.first-delay=60s"})
class LoginThrottleIntegrationTest {

    private static final String WRONG = "wrong-Password-99";

    @LocalServerPort
    int port;

    private IdentityApi api;
    private String email;

    @BeforeEach
    void givenAnAccount() {
        api = new IdentityApi(port);
        email = newEmail();
        assertThat(api.signUp(email, GOOD_PASSWORD, newBusinessName()).status()).isEqualTo(200);
    }

    @Test
    void afterFiveFailuresTheNextAttemptIsRefusedWithRetryAfterEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api.logIn(email, WRONG).status()).isEqualTo(401);
        }

        HttpResponse<String> refused = rawLogIn(email, GOOD_PASSWORD, api.clientAddress());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).contains("Too many attempts").doesNotContain("accessToken");
    }

    @Test
    void theAddressIsThrottledWhicheverClientTries() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api.logIn(email, WRONG).status()).isEqualTo(401);
        }

        assertThat(rawLogIn(email, GOOD_PASSWORD, randomAddress()).statusCode()).isEqualTo(429);
    }

    @Test
    void anUnknownAddressIsThrottledExactlyLikeAnAccount() throws Exception {
        String unknown = newEmail();
        IdentityApi other = new IdentityApi(port);
        for (int i = 0; i < 5; i++) {
            Response known = api.logIn(email, WRONG);
            Response stranger = other.logIn(unknown, WRONG);
            assertThat(stranger.status()).isEqualTo(known.status()).isEqualTo(401);
        }

        HttpResponse<String> account = rawLogIn(email, WRONG, api.clientAddress());
        HttpResponse<String> noAccount = rawLogIn(unknown, WRONG, other.clientAddress());

        assertThat(noAccount.statusCode()).isEqualTo(account.statusCode()).isEqualTo(429);
        assertThat(noAccount.headers().firstValue("Retry-After")).isEqualTo(account.headers().firstValue("Retry-After"));
        assertThat(withoutInstance(noAccount.body())).isEqualTo(withoutInstance(account.body()));
    }

    @Test
    void aSuccessfulLogInForgetsTheAddressFailures() {
        for (int i = 0; i < 4; i++) {
            assertThat(api.logIn(email, WRONG).status()).isEqualTo(401);
        }
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);

        // Without the reset the 5th failure would block and the next attempt be refused.
        assertThat(api.logIn(email, WRONG).status()).isEqualTo(401);
        assertThat(api.logIn(email, WRONG).status()).isEqualTo(401);
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void oneClientGuessingAcrossManyAddressesIsThrottledAfterTwentyFailures() throws Exception {
        String client = randomAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(rawLogIn(newEmail(), WRONG, client).statusCode()).isEqualTo(401);
        }

        // A fresh address with its right password, from the same client: refused; from another client: in.
        HttpResponse<String> refused = rawLogIn(email, GOOD_PASSWORD, client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(rawLogIn(email, GOOD_PASSWORD, randomAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientCannotDodgeTheClientLimitByForgingForwardedAddresses() throws Exception {
        String client = randomAddress();
        for (int i = 0; i < 20; i++) {
            // The gateway appends the address it saw; what the client put before it is not trusted.
            assertThat(rawLogIn(newEmail(), WRONG, randomAddress() + ", " + client).statusCode()).isEqualTo(401);
        }

        assertThat(rawLogIn(email, GOOD_PASSWORD, randomAddress() + ", " + client).statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> rawLogIn(String address, String password, String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + address + "\",\"password\":\"" + password + "\"}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "172." + random.nextInt(16, 32) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
