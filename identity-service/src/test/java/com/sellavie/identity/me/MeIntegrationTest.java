package com.sellavie.identity.me;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityIntegrationTest
class MeIntegrationTest {

    @LocalServerPort
    int port;

    private IdentityApi api;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
    }

    @Test
    void theTokenFromSignUpShowsItsUserAndBusiness() {
        String email = newEmail();
        String name = newBusinessName();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, name);

        Response me = api.get("/api/me", signedUp.text("accessToken"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user")).isEqualTo(signedUp.json().path("user"));
        assertThat(me.json().path("business")).isEqualTo(signedUp.json().path("business"));
        assertThat(me.json().path("business").path("name").asString()).isEqualTo(name);
        assertThat(me.text("role")).isEqualTo("OWNER");
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        Response me = api.get("/api/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenWithATamperedSignatureIsUnauthorized() {
        String token = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName()).text("accessToken");
        String tampered = token.substring(0, token.length() - 4)
                + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(api.get("/api/me", tampered).status()).isEqualTo(401);
    }

    @Test
    void aWellFormedTokenSignedWithAnotherKeyIsUnauthorized() {
        // Signed by the platform's test key, which other services' test contexts trust: identity trusts only its own.
        String foreign = TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "OWNER");

        assertThat(api.get("/api/me", foreign).status()).isEqualTo(401);
    }
}
