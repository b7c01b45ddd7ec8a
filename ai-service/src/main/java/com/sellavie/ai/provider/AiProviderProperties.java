package com.sellavie.ai.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.*}: which providers answer, in which order, and how they are guarded.
 *
 * @param providers  provider names, first tried first: {@code offline} or a key of {@code endpoints}
 *                   (e.g. {@code anthropic,openai,offline})
 * @param endpoints  endpoints by name; only those named in {@code providers} are built
 * @param resilience the breaker and concurrency limit every endpoint gets
 */
@ConfigurationProperties("sellavie.ai")
public record AiProviderProperties(List<String> providers, Map<String, Endpoint> endpoints, Resilience resilience) {

    public AiProviderProperties {
        providers = providers == null || providers.isEmpty() ? List.of("offline") : List.copyOf(providers);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        resilience = resilience == null ? new Resilience(0, 0, 0, null, null, 0, null) : resilience;
    }

    /**
     * {@code sellavie.ai.endpoints.<name>.*}; see {@link ProviderEndpoint} for each field. {@code kind}
     * may be left out when the name is a kind ({@code openai}, {@code groq}, {@code anthropic},
     * {@code ollama}).
     */
    public record Endpoint(String kind, String baseUrl, String apiKey, String model, Duration timeout, int maxTokens,
            String api) {

        ProviderEndpoint toEndpoint(String name) {
            ProviderKind parsed = ProviderKind.parse(kind == null || kind.isBlank() ? name : kind);
            return new ProviderEndpoint(parsed, baseUrl, apiKey, model, timeout, maxTokens, api);
        }
    }

    /**
     * {@code sellavie.ai.resilience.*}.
     *
     * @param failureRateThreshold percentage of failed calls (of the window) that opens a breaker
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumNumberOfCalls calls before the rate is judged at all
     * @param waitInOpenState      how long an open breaker skips its provider before one trial call
     * @param rejectedKeyPause     how long a key answered with 401/403 is skipped
     * @param maxConcurrentCalls   calls in flight per provider (a semaphore, not a thread pool); more are
     *                             skipped (fail over). At least reply-workers, or it caps replies per second
     * @param maxWaitForSlot       how long a call waits for a free slot before being skipped
     */
    public record Resilience(int failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
            Duration waitInOpenState, Duration rejectedKeyPause, int maxConcurrentCalls, Duration maxWaitForSlot) {

        public Resilience {
            failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
            slidingWindowSize = slidingWindowSize <= 0 ? 20 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls <= 0 ? 5 : minimumNumberOfCalls;
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
            rejectedKeyPause = rejectedKeyPause == null ? Duration.ofMinutes(10) : rejectedKeyPause;
            maxConcurrentCalls = maxConcurrentCalls <= 0 ? 200 : maxConcurrentCalls;
            maxWaitForSlot = maxWaitForSlot == null ? Duration.ZERO : maxWaitForSlot;
        }
    }
}
