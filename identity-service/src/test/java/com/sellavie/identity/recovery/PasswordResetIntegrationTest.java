package com.sellavie.identity.recovery;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.identity.support.AccountEmailsTopic;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityIntegrationTest
class PasswordResetIntegrationTest {

    private static final String NEW_PASSWORD = "Cotton-Dresses-2027";

    private static AccountEmailsTopic emails;

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private IdentityDatabase database;

    @BeforeAll
    static void watchTopic() {
        emails = new AccountEmailsTopic();
    }

    @AfterAll
    static void closeTopic() {
        emails.close();
    }

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
    }

    @Test
    void aResetRequestAnswers202AlikeForAnyAddressAndEmailsOnlyAnAccountsOwner() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String unknown = newEmail();
        Instant before = Instant.now();

        Response known = requestReset(email.toUpperCase());
        Response other = requestReset(unknown);

        assertThat(known.status()).isEqualTo(other.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(other.body());
        AccountEmailRequested sent = emails.await(email, "PASSWORD_RESET", 1);
        assertThat(emails.link(sent)).matches("http://localhost:8080/reset-password\\?token=[A-Za-z0-9_-]{43}");
        assertThat(Duration.between(before, sent.getExpiresAt())).isBetween(Duration.ofMinutes(59),
                Duration.ofMinutes(61));
        // The marker: a later request's email arrived, so one for the unknown address would have too.
        String marker = newEmail();
        api.signUp(marker, GOOD_PASSWORD, newBusinessName());
        requestReset(marker);
        emails.await(marker, "PASSWORD_RESET", 1);
        assertThat(emails.to(unknown)).isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsEverySessionOfTheAccount() {
        String email = newEmail();
        Response owner = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String businessId = owner.json().path("business").path("id").asString();
        requestReset(email);
        String token = emails.token(emails.await(email, "PASSWORD_RESET", 1));

        Response confirmed = confirm(token, NEW_PASSWORD);

        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(401);
        assertThat(api.logIn(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.refreshWithCookie(owner.refreshToken().orElseThrow()).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", owner.text("accessToken")).status()).isEqualTo(401));
        assertThat(database.countWith("SELECT count(*) FROM security_events WHERE business_id = ?::uuid AND kind = ?",
                businessId, "PASSWORD_RESET")).isEqualTo(1);
        assertThat(database.countWith("SELECT count(*) FROM users WHERE email = ? AND email_verified_at IS NOT NULL",
                email)).isEqualTo(1);
        Response again = confirm(token, "Another-Password-2028");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());
        requestReset(email);
        String token = emails.token(emails.await(email, "PASSWORD_RESET", 1));

        Response weak = confirm(token, "Password1234");

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").path("password").asString()).contains("too common");
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);
        assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void anExpiredOrSupersededLinkIsRefused() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());
        requestReset(email);
        String first = emails.token(emails.await(email, "PASSWORD_RESET", 1));
        requestReset(email);
        String second = emails.token(emails.await(email, "PASSWORD_RESET", 2));
        database.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' "
                + "WHERE token_hash = sha256(convert_to(?, 'UTF8'))", second);

        assertThat(confirm(first, NEW_PASSWORD).status()).isEqualTo(422);
        assertThat(confirm(second, NEW_PASSWORD).status()).isEqualTo(422);
        assertThat(confirm("short", NEW_PASSWORD).status()).isEqualTo(422);
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aMalformedAddressIsABadRequest() {
        Response response = requestReset("not-an-email");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("email")).isTrue();
    }

    @Test
    void resetRequestsAreThrottledPerAddressAlikeForUnknownAddresses() {
        String unknown = newEmail();
        for (int i = 0; i < 5; i++) {
            assertThat(requestReset(unknown).status()).isEqualTo(202);
        }

        Response refused = api.send("POST", "/api/auth/password-reset", "{\"email\":\"" + unknown + "\"}",
                "X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("EMAIL_THROTTLED");
    }

    @Test
    void resetRequestsAreThrottledPerClientAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(requestReset(newEmail()).status()).isEqualTo(202);
        }

        assertThat(requestReset(newEmail()).status()).isEqualTo(429);
    }

    private Response requestReset(String email) {
        return api.post("/api/auth/password-reset", "{\"email\":\"" + email + "\"}");
    }

    private Response confirm(String token, String password) {
        return api.post("/api/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
    }
}
