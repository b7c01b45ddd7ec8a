package com.sellavie.identity.recovery;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.identity.support.AccountEmailsTopic;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.ServedJwks;
import com.sellavie.schemas.EventMetadata;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityIntegrationTest
class EmailVerificationIntegrationTest {

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
    void signUpRequestsAVerificationEmailWhoseEncryptedLinkCarriesAHashedOneDayToken() {
        String email = newEmail();
        String name = newBusinessName();
        Instant before = Instant.now();

        Response owner = api.signUp(email, GOOD_PASSWORD, name);

        AccountEmailRequested sent = emails.await(email, "EMAIL_VERIFICATION", 1);
        assertThat(sent.getRecipientUserId().toString()).isEqualTo(owner.json().path("user").path("id").asString());
        assertThat(sent.getBusinessId().toString()).isEqualTo(owner.json().path("business").path("id").asString());
        assertThat(sent.getBusinessName()).isEqualTo(name);
        assertThat(sent.getActionLinkCiphertext()).doesNotContain("verify-email").matches("[A-Za-z0-9_-]+");
        assertThat(emails.link(sent)).matches("http://localhost:8080/verify-email\\?token=[A-Za-z0-9_-]{43}");
        assertThat(Duration.between(before, sent.getExpiresAt())).isBetween(Duration.ofHours(24).minusMinutes(1),
                Duration.ofHours(24).plusMinutes(1));
        String token = emails.token(sent);
        assertThat(database.countWith("SELECT count(*) FROM account_tokens WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                token)).isEqualTo(1);
        assertThat(database.countWith("SELECT count(*) FROM account_tokens WHERE encode(token_hash, 'escape') LIKE ?",
                "%" + token + "%")).isZero();
    }

    @Test
    void theLinksTokenVerifiesTheAddressOnceAndLaterTokensSayEmailVerified() throws Exception {
        String email = newEmail();
        Response owner = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String token = emails.token(emails.await(email, "EMAIL_VERIFICATION", 1));

        Response verified = verify(token);

        assertThat(verified.status()).isEqualTo(204);
        JWTClaimsSet refreshed = ServedJwks.verify(api,
                api.refreshWithCookie(owner.refreshToken().orElseThrow()).text("accessToken"));
        assertThat(refreshed.getBooleanClaim("email_verified")).isTrue();
        Response again = verify(token);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anExpiredUnknownOrMalformedTokenIsRefusedAndVerifiesNothing() {
        String email = newEmail();
        Response owner = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String token = emails.token(emails.await(email, "EMAIL_VERIFICATION", 1));
        database.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' "
                + "WHERE token_hash = sha256(convert_to(?, 'UTF8'))", token);

        assertThat(verify(token).status()).isEqualTo(422);
        assertThat(verify("A".repeat(43)).text("code")).isEqualTo("INVALID_TOKEN");
        assertThat(verify("not a token").status()).isEqualTo(422);
        assertThat(api.post("/api/auth/email-verification", "{}").status()).isEqualTo(422);
        assertThat(database.countWith("SELECT count(*) FROM users WHERE email = ? AND email_verified_at IS NOT NULL",
                email)).isZero();
        assertThat(owner.status()).isEqualTo(200);
    }

    @Test
    void aSignedInUserCanResendOncePerMinute() {
        String email = newEmail();
        Response owner = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String bearer = "Bearer " + owner.text("accessToken");

        Response resent = api.send("POST", "/api/auth/email-verification/resend", null, "Authorization", bearer);
        Response tooSoon = api.send("POST", "/api/auth/email-verification/resend", null, "Authorization", bearer);

        assertThat(resent.status()).isEqualTo(204);
        AccountEmailRequested second = emails.await(email, "EMAIL_VERIFICATION", 2);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.contentType()).startsWith("application/problem+json");
        // Both links work until one is used.
        assertThat(verify(emails.token(second)).status()).isEqualTo(204);
        assertThat(emails.ofKind(email, "EMAIL_VERIFICATION")).hasSize(2);
    }

    @Test
    void resendNeedsASignedInUser() {
        assertThat(api.send("POST", "/api/auth/email-verification/resend", null).status()).isEqualTo(401);
    }

    @Test
    void accountsEmailsWithoutABusinessCarryTheNoBusinessId() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());

        api.register(email, GOOD_PASSWORD, newBusinessName());

        assertThat(emails.await(email, "ACCOUNT_EXISTS", 1).getBusinessId()).isEqualTo(EventMetadata.NO_BUSINESS);
    }

    private Response verify(String token) {
        return api.post("/api/auth/email-verification", "{\"token\":\"" + token + "\"}");
    }
}
