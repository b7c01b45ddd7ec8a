package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances of a service behind one {@code lb://} route (the local stack's {@code --replicas}):
 * requests are spread over them, and an instance that stops answering its readiness gets no more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicaBalancingTest {

    private static final StubService FIRST = new StubService("conversation-1");
    private static final StubService SECOND = new StubService("conversation-2");
    private static final String TOKEN = TestTokens.valid();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", () -> "lb://conversation");
        registry.add("spring.cloud.discovery.client.simple.instances.conversation[0].uri", FIRST::url);
        registry.add("spring.cloud.discovery.client.simple.instances.conversation[1].uri", SECOND::url);
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
    }

    @Test
    void spreadsRequestsOverTheInstancesAndStopsSendingToOneThatIsGone() throws Exception {
        // Both instances are ready: requests go to each of them
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> answeredBy = answers(6);
            assertThat(answeredBy).contains("conversation-1", "conversation-2");
        });
        assertThat(FIRST.received()).anyMatch(request -> request.equals("GET /api/conversations"));

        // When one instance dies (as a killed replica would)
        FIRST.close();

        // Then, once its readiness check has failed, every request is answered by the other, none fails
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(answers(8)).containsOnly("conversation-2"));
    }

    /** Who answered each of {@code count} requests through the gateway ("status NNN" for a failed one). */
    private List<String> answers(int count) throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/conversations"))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            answeredBy.add(response.statusCode() == 200 ? response.body() : "status " + response.statusCode());
        }
        return answeredBy;
    }
}
