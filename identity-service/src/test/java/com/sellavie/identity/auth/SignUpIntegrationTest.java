package com.sellavie.identity.auth;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.identity.support.AccountEmailsTopic;
import com.sellavie.identity.support.BusinessesTopic;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.ServedJwks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityIntegrationTest
class SignUpIntegrationTest {

    private static BusinessesTopic topic;
    private static AccountEmailsTopic emails;

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private IdentityDatabase database;

    @BeforeAll
    static void watchTopic() {
        topic = new BusinessesTopic();
        emails = new AccountEmailsTopic();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
        emails.close();
    }

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
    }

    @Test
    void signUpAnswersCheckYourEmailWithoutASession() {
        Response response = api.register(newEmail(), GOOD_PASSWORD, newBusinessName());

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.cacheControl()).contains("no-store");
        assertThat(response.json().propertyNames()).containsExactly("status");
        assertThat(response.text("status")).isEqualTo("CHECK_YOUR_EMAIL");
        assertThat(response.refreshToken()).isEmpty();
    }

    @Test
    void theNewOwnerLogsInWithAnAccessTokenThatTheServedJwksVerifies() throws Exception {
        String email = newEmail();
        String name = newBusinessName();
        assertThat(api.register("  " + email.toUpperCase() + " ", GOOD_PASSWORD, "  " + name + " ").status())
                .isEqualTo(202);

        Response response = api.logIn(email, GOOD_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("tokenType")).isEqualTo("Bearer");
        assertThat(response.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(response.json().path("business").path("name").asString()).isEqualTo(name);
        String userId = response.json().path("user").path("id").asString();
        String businessId = response.json().path("business").path("id").asString();

        String token = response.text("accessToken");
        JWTClaimsSet claims = ServedJwks.verify(api, token);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("business_id")).isEqualTo(businessId);
        assertThat(claims.getStringClaim("role")).isEqualTo("OWNER");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getBooleanClaim("email_verified")).isFalse();
        assertThat(claims.getIssuer()).isEqualTo("sellavie-identity");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void theJwksServesPublicKeysOnly() throws Exception {
        Response response = api.get("/.well-known/jwks.json", null);

        assertThat(response.status()).isEqualTo(200);
        List<JWK> keys = JWKSet.parse(response.body()).getKeys();
        assertThat(keys).hasSize(1);
        assertThat(keys).noneMatch(JWK::isPrivate);
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void signUpPublishesBusinessRegisteredKeyedByTheNewBusiness() {
        String name = newBusinessName();
        Response response = api.signUp(newEmail(), GOOD_PASSWORD, name);
        assertThat(response.status()).isEqualTo(200);
        UUID businessId = UUID.fromString(response.json().path("business").path("id").asString());
        UUID ownerId = UUID.fromString(response.json().path("user").path("id").asString());

        List<ConsumerRecord<String, Object>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.registered(event -> event.getBusinessId().equals(businessId)), r -> !r.isEmpty());

        ConsumerRecord<String, Object> record = records.getFirst();
        BusinessRegistered event = (BusinessRegistered) record.value();
        assertThat(record.key()).isEqualTo(businessId.toString());
        assertThat(header(record, "businessId")).isEqualTo(businessId.toString());
        assertThat(header(record, "eventType")).isEqualTo("BusinessRegistered");
        assertThat(header(record, "eventId")).isEqualTo(event.getEventId().toString());
        assertThat(event.getName()).isEqualTo(name);
        assertThat(event.getOwnerUserId()).isEqualTo(ownerId);
        assertThat(event.getCorrelationId()).isEqualTo(event.getEventId().toString());
        assertThat(event.getCausationId()).isNull();
        assertThat(event.getOccurredAt()).isNotNull();
    }

    @Test
    void aRegisteredAddressGetsTheSameAnswerAndItsOwnerAnAccountExistsEmailWhileNothingElseChanges() {
        String email = newEmail();
        Response first = api.register(email, GOOD_PASSWORD, newBusinessName());
        String secondName = newBusinessName();

        Response second = api.register(" " + email.toUpperCase() + "  ", "another-Password-9", secondName);

        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.refreshToken()).isEmpty();
        AccountEmailRequested exists = emails.await(email, "ACCOUNT_EXISTS", 1);
        assertThat(exists.getRecipientUserId()).isNotNull();
        assertThat(emails.link(exists)).isEqualTo("http://localhost:8080/forgot-password");
        assertThat(emails.ofKind(email, "EMAIL_VERIFICATION")).hasSize(1);
        assertThat(database.usersWithEmail(email)).isEqualTo(1);
        assertThat(database.businessesNamed(secondName)).isZero();
        assertThat(api.logIn(email, "another-Password-9").status()).isEqualTo(401);
        assertNothingPublishedFor(secondName);
    }

    @Test
    void concurrentSignUpsWithOneEmailMakeOneAccountAndOneBusiness() throws Exception {
        String email = newEmail();
        List<String> names = List.of(newBusinessName(), newBusinessName(), newBusinessName(), newBusinessName());

        // All pass the early check together; bcrypt runs before the insert, so the unique index decides.
        List<CompletableFuture<Response>> attempts = names.stream()
                .map(name -> CompletableFuture.supplyAsync(() -> api.register(email, GOOD_PASSWORD, name)))
                .toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(Response::status).toList();

        assertThat(statuses).containsOnly(202);
        assertThat(database.usersWithEmail(email)).isEqualTo(1);
        assertThat(names.stream().mapToLong(database::businessesNamed).sum()).isEqualTo(1);
    }

    @Test
    void signUpsForOneAddressAreThrottledSoTheyCannotSpamItsOwner() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            assertThat(api.register(email, GOOD_PASSWORD, newBusinessName()).status()).isEqualTo(202);
        }

        Response refused = api.register(email, GOOD_PASSWORD, newBusinessName());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(emails.await(email, "ACCOUNT_EXISTS", 4)).isNotNull();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> emails.ofKind(email, "ACCOUNT_EXISTS"), sent -> sent.size() == 4);
    }

    @ParameterizedTest(name = "{3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            not-an-email            | linen-Shirts-2026 | Linen House | email        | must be a valid email address
            a@b                     | linen-Shirts-2026 | Linen House | email        | must be a valid email address
            ''                      | linen-Shirts-2026 | Linen House | email        | is required
            new@example.com         | Linen-Shirt       | Linen House | password     | at least 12 characters
            new@example.com         | Password1234      | Linen House | password     | too common
            new@example.com         | abcdefghijklmnop  | Linen House | password     | two kinds of characters
            new@example.com         | 12345678901234    | Linen House | password     | two kinds of characters
            new@example.com         | ''                | Linen House | password     | is required
            new@example.com         | linen-Shirts-2026 | L           | businessName | 2 to 120 characters
            new@example.com         | linen-Shirts-2026 | '   '       | businessName | is required
            """)
    void invalidInputIsABadRequestNamingTheFieldAndChangesNothing(String email, String password, String name,
            String field, String message) {
        String uniqueEmail = email.equals("new@example.com") ? newEmail() : email;
        String uniqueName = name.equals("Linen House") ? newBusinessName() : name;

        Response response = api.register(uniqueEmail, password, uniqueName);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").path(field).asString()).contains(message);
        assertThat(response.json().path("errors").size()).isEqualTo(1);
        if (!password.isEmpty()) {
            assertThat(response.body()).doesNotContain(password);
        }
        assertThat(database.usersWithEmail(uniqueEmail)).isZero();
        if (!uniqueName.isBlank()) {
            assertThat(database.businessesNamed(uniqueName.strip())).isZero();
            assertNothingPublishedFor(uniqueName.strip());
        }
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Response response = api.post("/api/auth/signup", "{\"email\":\"nope\",\"password\":\"x\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").propertyNames())
                .containsExactlyInAnyOrder("email", "password", "businessName");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanTruncated() {
        Response response = api.register(newEmail(), "Aa1-" + "x".repeat(69), newBusinessName());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path("password").asString()).contains("72 bytes");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestProblem() {
        Response response = api.post("/api/auth/signup", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /**
     * The relay publishes in commit order: once a later sign-up's event has arrived, an event the
     * rejected request had committed would have arrived too. Then watch a little longer to be sure.
     */
    private void assertNothingPublishedFor(String businessName) {
        String marker = newBusinessName();
        assertThat(api.register(newEmail(), GOOD_PASSWORD, marker).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.registered(event -> event.getName().equals(marker)), r -> !r.isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
                .until(() -> topic.registered(event -> event.getName().equals(businessName)), List::isEmpty);
    }

    private static String header(ConsumerRecord<String, Object> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
