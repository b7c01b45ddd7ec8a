package com.sellavie.ai.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider behind its circuit breaker (per provider and key) and its concurrency limit (per
 * provider): an open breaker or a full bulkhead skips the provider at once, without a call. Only
 * failures that say the provider is unwell (connection, timeout, 429, 5xx, 529, malformed) count
 * against the breaker; a refused key (401/403) opens the key's breaker for {@code rejectedKeyPause}
 * and is alerted. Every call is timed per provider and outcome.
 */
final class GuardedProvider implements ChatProvider {

    private static final Logger log = LoggerFactory.getLogger(GuardedProvider.class);

    private final ChatProvider delegate;
    private final String keyId;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Duration rejectedKeyPause;
    private final MeterRegistry meters;

    GuardedProvider(ChatProvider delegate, String keyId, CircuitBreaker breaker, Bulkhead bulkhead,
            Duration rejectedKeyPause, MeterRegistry meters) {
        this.delegate = delegate;
        this.keyId = keyId;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.rejectedKeyPause = rejectedKeyPause;
        this.meters = meters;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public Reply complete(Prompt prompt) throws ProviderException {
        if (!breaker.tryAcquirePermission()) {
            throw skipped(FailureCause.BREAKER_OPEN, "circuit breaker " + breaker.getName() + " is " + breaker.getState());
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            throw skipped(FailureCause.BULKHEAD_FULL, "all " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                    + " call slots of " + bulkhead.getName() + " are busy");
        }
        long start = System.nanoTime();
        try {
            Reply reply = delegate.complete(prompt);
            long took = System.nanoTime() - start;
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            timer("success").record(took, TimeUnit.NANOSECONDS);
            return reply;
        } catch (ProviderException failure) {
            long took = System.nanoTime() - start;
            judge(failure, took);
            timer(failure.failureCause().tag()).record(took, TimeUnit.NANOSECONDS);
            count(failure.failureCause());
            throw failure;
        } catch (RuntimeException bug) {
            // A client library failing in a way we did not map: treated as an unreadable answer.
            long took = System.nanoTime() - start;
            ProviderException failure = ProviderErrors.malformed(name(), bug.getClass().getSimpleName() + ": "
                    + bug.getMessage(), bug);
            judge(failure, took);
            timer(FailureCause.MALFORMED.tag()).record(took, TimeUnit.NANOSECONDS);
            count(FailureCause.MALFORMED);
            throw failure;
        } finally {
            bulkhead.onComplete();
        }
    }

    private void judge(ProviderException failure, long tookNanos) {
        if (failure.failureCause().countsAgainstProvider()) {
            breaker.onError(tookNanos, TimeUnit.NANOSECONDS, failure);
        } else {
            breaker.releasePermission();
        }
        if (failure.failureCause() == FailureCause.KEY_REJECTED) {
            breaker.transitionToOpenStateFor(rejectedKeyPause);
            meters.counter("sellavie.ai.provider.key_rejected", "provider", name(), "key", keyId).increment();
            log.error("AI provider {} refused key {} (HTTP {}): skipped for {}; check the key", name(), keyId,
                    failure.status(), rejectedKeyPause);
        }
    }

    private ProviderException skipped(FailureCause cause, String message) {
        count(cause);
        return ProviderException.of(name(), cause, message, null);
    }

    private void count(FailureCause cause) {
        meters.counter("sellavie.ai.provider.failures", "provider", name(), "cause", cause.tag()).increment();
    }

    private Timer timer(String outcome) {
        return Timer.builder("sellavie.ai.provider.calls").description("Calls to an AI provider, by outcome")
                .tag("provider", name()).tag("outcome", outcome).register(meters);
    }
}
