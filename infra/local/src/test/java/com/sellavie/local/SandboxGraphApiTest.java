package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxGraphApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void messageIdsStayUniqueAcrossRestartsOfTheSandbox() throws Exception {
        String body = "{\"recipient\":{\"id\":\"demo-customer-1\"},\"message\":{\"text\":\"Hi\"}}";
        String before;
        try (SandboxGraphApi api = SandboxGraphApi.start(freePort(), folder.resolve("a.jsonl"));
                HttpClient http = HttpClient.newHttpClient()) {
            before = JSON.readTree(send(http, api.graphUrl() + "/me/messages", body).body()).path("message_id").asText();
        }
        try (SandboxGraphApi api = SandboxGraphApi.start(freePort(), folder.resolve("b.jsonl"));
                HttpClient http = HttpClient.newHttpClient()) {
            String after = JSON.readTree(send(http, api.graphUrl() + "/me/messages", body).body())
                    .path("message_id").asText();

            assertThat(after).isNotEqualTo(before);
        }
    }

    @Test
    void meAnswersTheAccountATokenControlsAndRejectsOtherTokensWithError190() throws Exception {
        try (SandboxGraphApi api = SandboxGraphApi.start(freePort(), folder.resolve("me.jsonl"));
                HttpClient http = HttpClient.newHttpClient()) {
            api.controls("sandbox-abc123", "17841400000000000", "linenandco.demo");

            HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(api.graphUrl()
                    + "/me?fields=id,username")).header("Authorization", "Bearer sandbox-abc123").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(api.graphUrl()
                    + "/me?fields=id,username")).header("Authorization", "Bearer sandbox-other").GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(known.body()).path("id").asText()).isEqualTo("17841400000000000");
            assertThat(JSON.readTree(known.body()).path("username").asText()).isEqualTo("linenandco.demo");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(unknown.body()).path("error").path("code").asInt()).isEqualTo(190);
        }
    }

    @Test
    void aSendIsAnsweredLikeMetaAndRecordedWithoutTheToken() throws Exception {
        Path record = folder.resolve("outbound.jsonl");
        try (SandboxGraphApi api = SandboxGraphApi.start(freePort(), record);
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> first = send(http, api.graphUrl() + "/me/messages?access_token=EAAB-secret",
                    "{\"recipient\":{\"id\":\"demo-customer-1\"},\"message\":{\"text\":\"Yes, in M and L.\"}}");
            HttpResponse<String> second = send(http, api.graphUrl() + "/17841400000000000/messages",
                    "{\"recipient\":{\"id\":\"c-2\"},\"message\":{\"text\":\"Hi\"}}");

            assertThat(first.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(first.body());
            assertThat(answer.path("recipient_id").asText()).isEqualTo("demo-customer-1");
            String firstId = answer.path("message_id").asText();
            assertThat(firstId).startsWith("m_sandbox_");
            assertThat(JSON.readTree(second.body()).path("message_id").asText()).startsWith("m_sandbox_")
                    .isNotEqualTo(firstId);

            List<String> lines = Files.readAllLines(record);
            assertThat(lines).hasSize(2);
            JsonNode recorded = JSON.readTree(lines.get(0));
            assertThat(recorded.path("recipient").asText()).isEqualTo("demo-customer-1");
            assertThat(recorded.path("message").path("text").asText()).isEqualTo("Yes, in M and L.");
            assertThat(recorded.path("path").asText()).isEqualTo("/v23.0/me/messages");
            assertThat(Files.readString(record)).doesNotContain("EAAB-secret");
        }
    }

    @Test
    void aSendWithoutRecipientIsRefusedAndNotRecorded() throws Exception {
        Path record = folder.resolve("outbound.jsonl");
        try (SandboxGraphApi api = SandboxGraphApi.start(freePort(), record);
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = send(http, api.graphUrl() + "/me/messages", "{\"message\":{}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(record).doesNotExist();
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
