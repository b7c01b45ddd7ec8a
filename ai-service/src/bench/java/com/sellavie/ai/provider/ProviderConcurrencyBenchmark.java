package com.sellavie.ai.provider;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many calls one OpenAI-compatible provider instance (as ProviderFactory builds it, guards included)
 * completes per second against a model answering in a fixed 800 ms, with {@code -Dbench.threads=50}
 * callers at once for {@code -Dbench.seconds=20}: the ceiling of one ai-service instance's replies per
 * second, whatever its worker count (N callers could reach N / 0.8 s).
 */
public final class ProviderConcurrencyBenchmark {

    private ProviderConcurrencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 50);
        int seconds = Integer.getInteger("bench.seconds", 20);
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(300)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
        api.start();
        try {
            api.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini", "Hello!").withFixedDelay(800)));
            ProviderFactory factory = new ProviderFactory(new ProviderGuards(new AiProviderProperties.Resilience(0, 0,
                    0, null, null, threads, null), new SimpleMeterRegistry()), ObservationRegistry.NOOP);
            ChatProvider provider = factory.create("openai", ChatCompletionStubs.settings(api.baseUrl(),
                    Duration.ofSeconds(10)));
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        try {
                            provider.complete(Fixtures.prompt("hello"));
                            done.incrementAndGet();
                            latencies.add((System.nanoTime() - started) / 1_000_000);
                        } catch (ProviderException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread caller : callers) {
                caller.join();
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            System.out.printf("provider concurrency: %d callers, %d s: %d answered (%.1f/s), %d failed; "
                    + "call p50 %d ms, max %d ms; load average %.2f%n", threads, seconds, done.get(),
                    done.get() / (double) seconds, failed.get(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? 0 : sorted.getLast(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            api.stop();
        }
        System.exit(0);
    }
}
