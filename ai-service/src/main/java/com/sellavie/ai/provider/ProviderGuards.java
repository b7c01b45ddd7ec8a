package com.sellavie.ai.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The breakers ({@code ai-provider.<name>.<keyId>}: per provider and key, so a business's own key never
 * trips the platform's) and bulkheads ({@code ai-provider.<name>}: per provider) of the AI providers,
 * with resilience4j's Micrometer metrics ({@code resilience4j.circuitbreaker.state}, calls, ...). Its
 * own registries: the Boot starter's stay for other clients.
 */
public final class ProviderGuards {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final AiProviderProperties.Resilience settings;
    private final MeterRegistry meters;

    public ProviderGuards(AiProviderProperties.Resilience settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForSlot())
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** {@code provider} behind the breaker of its name and key and the bulkhead of its name. */
    public ChatProvider guard(ChatProvider provider, String keyId) {
        String name = "ai-provider." + provider.name();
        Bulkhead bulkhead = bulkheads.bulkhead(name);
        return new GuardedProvider(provider, keyId, breakers.circuitBreaker(name + "." + keyId), bulkhead,
                settings.rejectedKeyPause(), meters);
    }
}
