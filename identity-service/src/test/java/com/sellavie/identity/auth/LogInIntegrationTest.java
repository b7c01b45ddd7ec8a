package com.sellavie.identity.auth;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.ServedJwks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@IdentityIntegrationTest
class LogInIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private String email;
    private Response signedUp;

    @BeforeEach
    void givenAnAccount() {
        api = new IdentityApi(port);
        email = newEmail();
        signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        assertThat(signedUp.status()).isEqualTo(200);
    }

    @Test
    void logInWithTheRightPasswordAnswersATokenForTheOwnedBusiness() throws Exception {
        Response response = api.logIn("  " + email.toUpperCase() + " ", GOOD_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.cacheControl()).contains("no-store");
        assertThat(response.text("tokenType")).isEqualTo("Bearer");
        assertThat(response.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.json().path("user")).isEqualTo(signedUp.json().path("user"));
        assertThat(response.json().path("business")).isEqualTo(signedUp.json().path("business"));
        JWTClaimsSet claims = ServedJwks.verify(api, response.text("accessToken"));
        assertThat(claims.getSubject()).isEqualTo(signedUp.json().path("user").path("id").asString());
        assertThat(claims.getStringClaim("business_id"))
                .isEqualTo(signedUp.json().path("business").path("id").asString());
        assertThat(claims.getStringClaim("role")).isEqualTo("OWNER");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
    }

    @Test
    void newPasswordsAreHashedAtCostTwelve() {
        IdentityDatabase database = new IdentityDatabase(databaseUrl);

        assertThat(database.countWith("SELECT count(*) FROM users WHERE email = ? AND password_hash LIKE '$2a$12$%'",
                email)).isEqualTo(1);
    }

    @Test
    void aHashOfALowerCostIsUpgradedOnTheNextSuccessfulLogIn() {
        IdentityDatabase database = new IdentityDatabase(databaseUrl);
        database.update("UPDATE users SET password_hash = ? WHERE email = ?",
                new BCryptPasswordEncoder(10).encode(GOOD_PASSWORD), email);
        String atCostTen = "SELECT count(*) FROM users WHERE email = ? AND password_hash LIKE '$2a$10$%'";
        assertThat(database.countWith(atCostTen, email)).isEqualTo(1);

        assertThat(api.logIn(email, GOOD_PASSWORD + "x").status()).isEqualTo(401);
        assertThat(database.countWith(atCostTen, email)).as("a failed log-in changes nothing").isEqualTo(1);
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);

        assertThat(database.countWith(atCostTen, email)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM users WHERE email = ? AND password_hash LIKE '$2a$12$%'",
                email)).isEqualTo(1);
        assertThat(api.logIn(email, GOOD_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        Response response = api.logIn(email, GOOD_PASSWORD + "x");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).isEqualTo("Email or password is incorrect.");
        assertThat(response.body()).doesNotContain("accessToken");
    }

    @Test
    void anUnknownEmailGetsExactlyTheAnswerOfAWrongPassword() {
        Response wrongPassword = api.logIn(email, GOOD_PASSWORD + "x");

        Response unknownEmail = api.logIn(newEmail(), GOOD_PASSWORD);

        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(withoutInstance(unknownEmail)).isEqualTo(withoutInstance(wrongPassword));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsUnauthorizedNotAnError() {
        Response response = api.logIn(email, GOOD_PASSWORD + "y".repeat(80));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void missingFieldsAreABadRequestNamingThem() {
        Response response = api.post("/api/auth/login", "{\"email\":\"  \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").propertyNames()).containsExactlyInAnyOrder("email", "password");
    }

    private static String withoutInstance(Response response) {
        var json = (tools.jackson.databind.node.ObjectNode) response.json();
        json.remove("instance");
        return json.toString();
    }
}
