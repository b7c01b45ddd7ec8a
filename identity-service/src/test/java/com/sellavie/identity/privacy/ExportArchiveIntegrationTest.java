package com.sellavie.identity.privacy;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An export's archive: once every service answered DONE, identity fetches each part with its Feign
 * client (service token, retried on 503) from the documented endpoint, served here by
 * {@link ExportPartContract}; the OWNER downloads a ZIP of every part and a manifest, stored encrypted.
 */
@IdentityIntegrationTest
class ExportArchiveIntegrationTest {

    private static final List<String> OTHER_SERVICES = List.of("conversation-service", "commerce-service",
            "ai-service", "notification-service", "webhook-ingest-service");

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    ExportPartFetcher fetcher;

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
    void theFeignClientFetchesAPartWithTheServiceTokenAndRetriesA503() {
        UUID requestId = UUID.randomUUID();
        ExportPartContract.FAILURES_BEFORE_ANSWER.put("ai-service/" + requestId, new AtomicInteger(1));

        String part = fetcher.fetch("ai-service", requestId);

        assertThat(JsonMapper.builder().build().readTree(part).path("requestId").asString()).isEqualTo(requestId.toString());
        assertThat(ExportPartContract.CALLS.get("ai-service/" + requestId)).hasValue(2);
        // The same endpoint without the service token is closed.
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/internal/test-contract/ai-service/internal/privacy/exports/" + requestId)).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aCompletedBusinessExportIsDownloadableAsAZipOfEveryPart() throws IOException {
        Owner owner = signUp();
        String id = post(owner.token, "/api/privacy/exports", "{\"scope\":\"BUSINESS\"}").text("id");
        assertThat(download(owner.token, id).statusCode()).as("not ready yet").isEqualTo(409);

        for (String service : OTHER_SERVICES) {
            topics.publish(PrivacyFixtures.answer(owner.businessId, id, "EXPORT", service, "DONE", 1, null), id);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> download(owner.token, id).statusCode() == 200);
        HttpResponse<byte[]> archive = download(owner.token, id);
        assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = unzip(archive.body());
        assertThat(files).containsKeys("manifest.json", "identity-service.json", "conversation-service.json",
                "commerce-service.json", "ai-service.json", "notification-service.json", "webhook-ingest-service.json");
        assertThat(files.get("commerce-service.json")).contains("held by commerce-service").contains(id);
        assertThat(files.get("identity-service.json")).contains(owner.email);
        // At rest it is encrypted: the stored bytes are not the ZIP.
        assertThat(database.countWith("SELECT count(*) FROM privacy_export_archives WHERE request_id = ? "
                + "AND position(convert_to('manifest.json', 'UTF8') in ciphertext) = 0", UUID.fromString(id)))
                .isEqualTo(1);
        // Another business's OWNER cannot have it.
        assertThat(download(signUp().token, id).statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredArchiveIsPurged() {
        Owner owner = signUp();
        String id = post(owner.token, "/api/privacy/exports", "{\"contactId\":\"" + UUID.randomUUID() + "\"}").text("id");
        for (String service : OTHER_SERVICES) {
            topics.publish(PrivacyFixtures.answer(owner.businessId, id, "EXPORT", service, "DONE", 0, null), id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> download(owner.token, id).statusCode() == 200);

        database.update("UPDATE privacy_export_archives SET expires_at = now() - interval '1 second' WHERE request_id = ?",
                UUID.fromString(id));

        assertThat(download(owner.token, id).statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.countWith(
                "SELECT count(*) FROM privacy_export_archives WHERE request_id = ?", UUID.fromString(id)) == 0);
    }

    private HttpResponse<byte[]> download(String token, String id) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/privacy/exports/" + id + "/archive")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private Response post(String token, String path, String json) {
        return api.send("POST", path, json, "Authorization", "Bearer " + token);
    }

    private Owner signUp() {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        assertThat(signedUp.status()).as("signed up, then logged in").isEqualTo(200);
        return new Owner(email, signedUp.json().path("business").path("id").asString(), signedUp.text("accessToken"));
    }

    private record Owner(String email, String businessId, String token) {
    }
}
