package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances of a service behind one {@code lb://} route (the local stack's {@code --replicas}):
 * requests are spread over them; an instance whose readiness fails gets no more until it is ready again; and
 * one that dies costs no failed request (a refused connection is retried on the other instance at once, before
 * the readiness check has noticed).
 */
class ReplicaBalancingTest extends RunningGateway {

    private static final StubService FIRST = new StubService("conversation-1");
    private static final StubService SECOND = new StubService("conversation-2");
    private static final String TOKEN = TestTokens.valid();

    @Autowired
    private LoadBalancerClientFactory balancers;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        StubService.registerInstances(registry, "conversation", FIRST, SECOND);
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
    }

    @Test
    void spreadsRequestsOverReadyInstancesAndNoRequestFailsWhenOneDies() throws Exception {
        // Both instances are ready: requests go to each of them
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(answers(6)).contains("conversation-1", "conversation-2"));
        assertThat(FIRST.received()).anyMatch(request -> request.equals("GET /api/conversations"));
        // and each readiness round replaces the list whole: never a moment with only the first instance to answer
        List<List<ServiceInstance>> lists = balancers.getInstance("conversation", ServiceInstanceListSupplier.class)
                .get().take(Duration.ofSeconds(5)).collectList().block();
        assertThat(lists).hasSizeGreaterThan(1).allSatisfy(instances -> assertThat(instances).hasSize(2));

        // When one is no longer ready (restarting, draining), once its readiness check has failed it gets no request
        FIRST.ready(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(answers(8)).containsOnly("conversation-2"));
        int reachedFirst = FIRST.received().size();
        assertThat(answers(8)).containsOnly("conversation-2");
        assertThat(FIRST.received()).hasSize(reachedFirst);

        // and once ready again it gets its share again
        FIRST.ready(true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(answers(6)).contains("conversation-1", "conversation-2"));

        // When it dies (as a killed replica would), no request fails, even before its readiness check notices
        FIRST.close();
        assertThat(answers(8)).containsOnly("conversation-2");
    }

    /**
     * Who answered each of {@code count} requests through the gateway ("status NNN" for a failed one, "no answer"
     * for one not answered within 10 s, so a request the gateway holds shows as such instead of an await's
     * timeout).
     */
    private List<String> answers(int count) throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/conversations"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
                answeredBy.add(response.statusCode() == 200 ? response.body() : "status " + response.statusCode());
            } catch (HttpTimeoutException e) {
                answeredBy.add("no answer within 10 s");
            }
        }
        return answeredBy;
    }
}
