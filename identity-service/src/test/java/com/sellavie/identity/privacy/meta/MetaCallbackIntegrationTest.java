package com.sellavie.identity.privacy.meta;

import static com.sellavie.identity.privacy.PrivacyFixtures.META_APP_SECRET;
import static com.sellavie.identity.privacy.PrivacyFixtures.metaPayload;
import static com.sellavie.identity.privacy.PrivacyFixtures.signedRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.identity.privacy.PrivacyFixtures;
import com.sellavie.identity.privacy.PrivacyTopics;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.schemas.EventMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's callbacks over real HTTP, without a token: a verified signed_request starts a META_USER
 * erasure (published under NO_BUSINESS) and data-deletion answers a status link and code whose page
 * shows progress without personal data; forged, wrong-algorithm, malformed, missing or expired
 * requests answer 400 and start nothing.
 */
@IdentityIntegrationTest
class MetaCallbackIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private final HttpClient http = HttpClient.newHttpClient();
    private IdentityDatabase database;
    private PrivacyTopics topics;

    @BeforeEach
    void connect() {
        database = new IdentityDatabase(databaseUrl);
        topics = new PrivacyTopics();
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void aDataDeletionCallbackStartsTheUsersErasureAndAnswersItsStatusLink() {
        String metaUser = metaUserId();

        HttpResponse<String> answered = form("/meta/data-deletion",
                signedRequest(metaPayload(metaUser, Instant.now().getEpochSecond()), META_APP_SECRET));

        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answered.body());
        String code = body.path("confirmation_code").asString();
        assertThat(code).matches("[A-Za-z0-9]{24}");
        assertThat(body.path("url").asString()).isEqualTo("https://sellavie.test/privacy/deletion-status/" + code);
        DataErasureRequested event = awaitErasure(metaUser);
        String requestId = event.getRequestId().toString();
        assertThat(event.getScope()).isEqualTo("META_USER");
        assertThat(event.getMetaUserId()).isEqualTo(metaUser);
        assertThat(event.getSource()).isEqualTo("META_DATA_DELETION");
        assertThat(event.getBusinessId()).isEqualTo(EventMetadata.NO_BUSINESS);
        assertThat(event.getRequestedByUserId()).isNull();

        HttpResponse<String> status = get("/privacy/deletion-status/" + code, "application/json");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).path("status").asString()).isEqualTo("PENDING");
        assertThat(status.body()).doesNotContain(metaUser).doesNotContain(requestId);
        HttpResponse<String> page = get("/privacy/deletion-status/" + code, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Deletion is in progress").doesNotContain(metaUser);

        for (String service : List.of("conversation-service", "commerce-service", "ai-service",
                "notification-service", "webhook-ingest-service")) {
            topics.publish(PrivacyFixtures.answer(EventMetadata.NO_BUSINESS.toString(), requestId, "ERASURE", service,
                    "DONE", 1, null), requestId);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
                get("/privacy/deletion-status/" + code, "application/json").body()).path("status").asString())
                .isEqualTo("COMPLETED"));
    }

    @Test
    void aDeauthorizeCallbackStartsTheUsersErasure() {
        String metaUser = metaUserId();

        HttpResponse<String> answered = form("/meta/deauthorize",
                signedRequest(metaPayload(metaUser, Instant.now().getEpochSecond()), META_APP_SECRET));

        assertThat(answered.statusCode()).isEqualTo(200);
        DataErasureRequested event = awaitErasure(metaUser);
        String requestId = event.getRequestId().toString();
        assertThat(event.getSource()).isEqualTo("META_DEAUTHORIZE");
        assertThat(event.getMetaUserId()).isEqualTo(metaUser);
    }

    @Test
    void refusedSignedRequestsAnswer400AndStartNothing() {
        String metaUser = metaUserId();
        long now = Instant.now().getEpochSecond();
        List<String> refused = List.of(
                signedRequest(metaPayload(metaUser, now), "forged-secret"),
                signedRequest("{\"algorithm\":\"HMAC-SHA1\",\"issued_at\":" + now + ",\"user_id\":\"" + metaUser + "\"}",
                        META_APP_SECRET),
                signedRequest(metaPayload(metaUser, now - 86_400), META_APP_SECRET),
                "not-a-signed-request",
                signedRequest(metaPayload(metaUser, now), META_APP_SECRET).replace('.', '!'),
                "");

        for (String path : List.of("/meta/data-deletion", "/meta/deauthorize")) {
            for (String signed : refused) {
                HttpResponse<String> answered = form(path, signed);
                assertThat(answered.statusCode()).as(path + " " + signed).isEqualTo(400);
                assertThat(answered.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            }
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("other=1")).build()).statusCode()).isEqualTo(400);
        }

        assertThat(database.count("SELECT count(*) FROM privacy_requests WHERE meta_user_id = ?", metaUser)).isZero();
    }

    @Test
    void anUnknownConfirmationCodeIsNotFound() {
        assertThat(get("/privacy/deletion-status/AAAAAAAAAAAAAAAAAAAAAAAA", "application/json").statusCode())
                .isEqualTo(404);
        assertThat(get("/privacy/deletion-status/'%20OR%201=1", "text/html").statusCode()).isEqualTo(404);
    }

    private DataErasureRequested awaitErasure(String metaUser) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.metaUserErasures(metaUser).isEmpty());
        List<DataErasureRequested> erasures = topics.metaUserErasures(metaUser);
        assertThat(erasures).hasSize(1);
        return erasures.getFirst();
    }

    private static String metaUserId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    }

    private HttpResponse<String> form(String path, String signedRequest) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signed_request="
                        + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8))).build());
    }

    private HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
