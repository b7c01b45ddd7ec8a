package com.sellavie.ai.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a reply waits when the first provider times out: the chain of two OpenAI-shaped providers on
 * WireMock, the first answering after its per-call timeout, the second at once, the production
 * resilience defaults (breaker: 50% of at least 5 calls; open for 30 s). Sequential calls: until the
 * breaker opens each pays the timeout, then the first is skipped without a call. Prints the latencies
 * of both phases. {@code -Dbench.timeout=2s} (the per-call timeout), {@code -Dbench.calls=30}.
 */
public final class FailoverTimeBenchmark {

    private FailoverTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration timeout = Duration.parse("PT" + System.getProperty("bench.timeout", "2s").toUpperCase());
        int calls = Integer.getInteger("bench.calls", 30);
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
        api.start();
        try {
            api.stubFor(chatCompletions("/first").willReturn(completion("gpt-4o-mini", "too late")
                    .withFixedDelay((int) timeout.plusSeconds(2).toMillis())));
            api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "in time")));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            ProviderFactory factory = new ProviderFactory(new ProviderGuards(new AiProviderProperties.Resilience(0, 0,
                    0, null, null, 0, null), meters), ObservationRegistry.NOOP);
            ProviderChain chain = new ProviderChain(List.of(
                    factory.create("first", ChatCompletionStubs.settings(api.baseUrl() + "/first", timeout)),
                    factory.create("second", ChatCompletionStubs.settings(api.baseUrl() + "/second", timeout))), meters);
            // Warm-up on the second alone (class loading, HTTP client, JIT), not counted.
            ProviderChain second = new ProviderChain(List.of(factory.create("warm",
                    ChatCompletionStubs.settings(api.baseUrl() + "/second", timeout))), meters);
            for (int i = 0; i < 200; i++) {
                second.complete(Fixtures.prompt("warm-up " + i));
            }
            List<Long> timedOut = new ArrayList<>();
            List<Long> skipped = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int before = api.findAll(postRequestedFor(urlPathEqualTo("/first/v1/chat/completions"))).size();
                long started = System.nanoTime();
                Reply reply = chain.complete(Fixtures.prompt("hello " + i));
                long micros = (System.nanoTime() - started) / 1_000;
                if (!"second".equals(reply.providerName())) {
                    throw new IllegalStateException("the second provider did not answer: " + reply.providerName());
                }
                int after = api.findAll(postRequestedFor(urlPathEqualTo("/first/v1/chat/completions"))).size();
                (after > before ? timedOut : skipped).add(micros);
            }
            System.out.println("failover benchmark: per-call timeout " + timeout.toMillis() + " ms, first provider "
                    + "answering after " + timeout.plusSeconds(2).toMillis() + " ms, " + calls + " sequential calls");
            print("first provider called and timed out (breaker closed)", timedOut);
            print("first provider skipped (breaker open)", skipped);
        } finally {
            api.stop();
        }
    }

    private static void print(String phase, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.println(phase + ": no call");
            return;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("%s: %d calls, min %.1f ms, median %.1f ms, max %.1f ms%n", phase, sorted.size(),
                sorted.getFirst() / 1000.0, sorted.get(sorted.size() / 2) / 1000.0, sorted.getLast() / 1000.0);
    }
}
