package com.sellavie.identity.privacy;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Privacy requests over real HTTP with the real topics: an OWNER's export and erasure fan out on
 * identity.privacy-requests, every service's answer on privacy.task-results is tracked (once per
 * event) to completion, failures show their detail and an erasure can be retried; ADMIN and AGENT
 * get 403, another business's ids 404, bad input 400 with nothing stored or published.
 */
@IdentityIntegrationTest
class PrivacyRequestsIntegrationTest {

    private static final List<String> OTHER_SERVICES = List.of("conversation-service", "commerce-service",
            "ai-service", "notification-service", "webhook-ingest-service");

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private IdentityDatabase database;
    private PrivacyTopics topics;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
        topics = new PrivacyTopics();
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void anOwnersContactExportIsPublishedAndShowsEveryServicePending() {
        Owner owner = signUp();
        String contactId = UUID.randomUUID().toString();

        Response accepted = post(owner.token, "/api/privacy/exports", "{\"contactId\":\"" + contactId + "\"}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("PENDING");
        String id = accepted.text("id");
        DataExportRequested event = (DataExportRequested) awaitEvents(id, 1).getFirst();
        assertThat(event.getBusinessId().toString()).isEqualTo(owner.businessId);
        assertThat(event.getScope()).isEqualTo("CONTACT");
        assertThat(event.getContactId().toString()).isEqualTo(contactId);
        assertThat(event.getRequestedByUserId().toString()).isEqualTo(owner.userId);
        JsonNode view = api.get("/api/privacy/exports/" + id, owner.token).json();
        assertThat(view.path("kind").asString()).isEqualTo("EXPORT");
        assertThat(view.path("status").asString()).isEqualTo("PENDING");
        // identity holds nothing about contacts: its own part is done at once, with 0 items.
        assertThat(task(view, "identity-service").path("status").asString()).isEqualTo("DONE");
        assertThat(task(view, "identity-service").path("itemCount").asInt()).isZero();
        OTHER_SERVICES.forEach(service -> assertThat(task(view, service).path("status").asString()).isEqualTo("PENDING"));
        // An export is not an erasure.
        assertThat(api.get("/api/privacy/erasures/" + id, owner.token).status()).isEqualTo(404);
    }

    @Test
    void aBusinessErasureCompletesWhenEveryServiceAnsweredDone() {
        Owner owner = signUp();
        String invited = newEmail();
        assertThat(post(owner.token, "/api/invitations", "{\"email\":\"" + invited + "\",\"role\":\"AGENT\"}")
                .status()).isEqualTo(201);
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE business_id = ? AND ip IS NOT NULL",
                UUID.fromString(owner.businessId))).isPositive();

        Response accepted = post(owner.token, "/api/privacy/erasures", "{\"scope\":\"BUSINESS\"}");

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.text("id");
        DataErasureRequested event = (DataErasureRequested) awaitEvents(id, 1).getFirst();
        assertThat(event.getScope()).isEqualTo("BUSINESS");
        assertThat(event.getSource()).isEqualTo("CONSOLE");
        assertThat(event.getContactId()).isNull();
        // identity's own part: the pending invitation's address is gone, and the sessions' addresses.
        assertThat(database.count("SELECT count(*) FROM invitations WHERE email = ?", invited)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE business_id = ? AND ip IS NOT NULL",
                UUID.fromString(owner.businessId))).isZero();

        for (String service : OTHER_SERVICES) {
            topics.publish(PrivacyFixtures.answer(owner.businessId, id, "ERASURE", service, "DONE", 3, null), id);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/privacy/erasures/" + id, owner.token).json().path("status").asString())
                        .isEqualTo("COMPLETED"));
        JsonNode view = api.get("/api/privacy/erasures/" + id, owner.token).json();
        assertThat(view.path("completedAt").asString()).isNotBlank();
        assertThat(task(view, "commerce-service").path("itemCount").asInt()).isEqualTo(3);
        JsonNode listed = api.get("/api/privacy/requests", owner.token).json().path("requests");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.get(0).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aFailedPartShowsItsDetailAndTheErasureCanBeRetriedUnderTheSameId() {
        Owner owner = signUp();
        String id = post(owner.token, "/api/privacy/erasures", "{\"contactId\":\"" + UUID.randomUUID() + "\"}").text("id");
        awaitEvents(id, 1);
        assertThat(post(owner.token, "/api/privacy/erasures/" + id + "/retry", null).status())
                .as("nothing failed yet").isEqualTo(409);

        topics.publish(PrivacyFixtures.answer(owner.businessId, id, "ERASURE", "commerce-service", "FAILED", 0,
                "database unavailable"), id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/privacy/erasures/" + id, owner.token).json().path("status").asString())
                        .isEqualTo("FAILED"));
        JsonNode failed = task(api.get("/api/privacy/erasures/" + id, owner.token).json(), "commerce-service");
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("detail").asString()).isEqualTo("database unavailable");

        Response retried = post(owner.token, "/api/privacy/erasures/" + id + "/retry", null);

        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.text("status")).isEqualTo("PENDING");
        List<SpecificRecord> events = awaitEvents(id, 2);
        assertThat(events).allSatisfy(e -> assertThat(((DataErasureRequested) e).getRequestId().toString()).isEqualTo(id));
        assertThat(task(api.get("/api/privacy/erasures/" + id, owner.token).json(), "commerce-service")
                .path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aRedeliveredAnswerIsAppliedOnce() {
        Owner owner = signUp();
        String id = post(owner.token, "/api/privacy/erasures", "{\"contactId\":\"" + UUID.randomUUID() + "\"}").text("id");
        PrivacyTaskCompleted failed = PrivacyFixtures.answer(owner.businessId, id, "ERASURE", "ai-service", "FAILED",
                0, "timeout");
        topics.publish(failed, id);
        topics.publish(PrivacyFixtures.answer(owner.businessId, id, "ERASURE", "ai-service", "DONE", 2, null), id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(task(
                api.get("/api/privacy/erasures/" + id, owner.token).json(), "ai-service").path("status").asString())
                .isEqualTo("DONE"));

        // The same FAILED event again (a redelivery): the inbox has it, the DONE stands.
        topics.publish(failed, id);
        topics.publish(PrivacyFixtures.answer(owner.businessId, id, "ERASURE", "notification-service", "DONE", 1, null), id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(task(
                api.get("/api/privacy/erasures/" + id, owner.token).json(), "notification-service").path("status")
                .asString()).isEqualTo("DONE"));
        JsonNode ai = task(api.get("/api/privacy/erasures/" + id, owner.token).json(), "ai-service");
        assertThat(ai.path("status").asString()).isEqualTo("DONE");
        assertThat(ai.path("itemCount").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAnOwnerMayAskOrLook() {
        Owner owner = signUp();
        String adminToken = invite(owner, newEmail(), "ADMIN");
        String agentToken = invite(owner, newEmail(), "AGENT");
        String id = post(owner.token, "/api/privacy/exports", "{\"scope\":\"BUSINESS\"}").text("id");

        for (String token : List.of(adminToken, agentToken)) {
            assertThat(post(token, "/api/privacy/exports", "{\"scope\":\"BUSINESS\"}").status()).isEqualTo(403);
            assertThat(post(token, "/api/privacy/erasures", "{\"scope\":\"BUSINESS\"}").status()).isEqualTo(403);
            assertThat(api.get("/api/privacy/requests", token).status()).isEqualTo(403);
            assertThat(api.get("/api/privacy/exports/" + id, token).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/privacy/requests", null).status()).isEqualTo(401);
        assertThat(database.countWith("SELECT count(*) FROM privacy_requests WHERE business_id = ?",
                UUID.fromString(owner.businessId))).isEqualTo(1);
    }

    @Test
    void anotherBusinesssRequestsAreNotFound() {
        Owner owner = signUp();
        Owner other = signUp();
        String id = post(owner.token, "/api/privacy/erasures", "{\"scope\":\"BUSINESS\"}").text("id");

        assertThat(api.get("/api/privacy/erasures/" + id, other.token).status()).isEqualTo(404);
        assertThat(post(other.token, "/api/privacy/erasures/" + id + "/retry", null).status()).isEqualTo(404);
        assertThat(api.get("/api/privacy/requests", other.token).json().path("requests")).isEmpty();
        assertThat(api.get("/api/privacy/erasures/not-a-uuid", owner.token).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedAndNothingIsStoredOrPublished() {
        Owner owner = signUp();

        for (String body : List.of("{}", "{\"scope\":\"EVERYTHING\"}", "{\"contactId\":\"42\"}",
                "{\"contactId\":\"" + UUID.randomUUID() + "\",\"scope\":\"BUSINESS\"}", "not json")) {
            Response refused = post(owner.token, "/api/privacy/erasures", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        Response missing = post(owner.token, "/api/privacy/exports", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").has("contactId")).isTrue();

        assertThat(database.countWith("SELECT count(*) FROM privacy_requests WHERE business_id = ?",
                UUID.fromString(owner.businessId))).isZero();
        // A later request's event arriving proves the topic was read past anything the bad ones could have
        // sent (same key, same partition, in order): it is the business's only event.
        String id = post(owner.token, "/api/privacy/exports", "{\"scope\":\"BUSINESS\"}").text("id");
        awaitEvents(id, 1);
        assertThat(topics.all()).filteredOn(record -> owner.businessId.equals(record.key())).hasSize(1);
    }

    private List<SpecificRecord> awaitEvents(String requestId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.requestEvents(requestId).size() >= count);
        return topics.requestEvents(requestId);
    }

    private static JsonNode task(JsonNode view, String service) {
        for (JsonNode task : view.path("services")) {
            if (service.equals(task.path("service").asString())) {
                return task;
            }
        }
        throw new AssertionError("No task of " + service + " in " + view);
    }

    private Response post(String token, String path, String json) {
        return api.send("POST", path, json, "Authorization", "Bearer " + token);
    }

    private Owner signUp() {
        Response signedUp = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        assertThat(signedUp.status()).as("signed up, then logged in").isEqualTo(200);
        return new Owner(signedUp.json().path("user").path("id").asString(),
                signedUp.json().path("business").path("id").asString(), signedUp.text("accessToken"));
    }

    /** Invites {@code email} as {@code role}, accepts as a new user and returns their access token. */
    private String invite(Owner owner, String email, String role) {
        Response invited = post(owner.token, "/api/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        String token = invited.text("acceptLink").replaceAll(".*token=", "");
        Response accepted = api.post("/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
        assertThat(accepted.status()).isEqualTo(200);
        return accepted.text("accessToken");
    }

    private record Owner(String userId, String businessId, String token) {
    }
}
