package com.sellavie.ai.provider;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured providers in order ({@code sellavie.ai.providers}): the first that answers wins. A
 * failure whose {@linkplain FailureCause cause} moves on (transient, open breaker, refused key) tries
 * the next; a request bug is thrown at once. When every provider failed, the chain's own exception
 * is retryable only if some failure may pass later (a refused key will not).
 */
public class ProviderChain {

    private static final Logger log = LoggerFactory.getLogger(ProviderChain.class);

    private final List<ChatProvider> providers;
    private final MeterRegistry meters;

    public ProviderChain(List<ChatProvider> providers, MeterRegistry meters) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("sellavie.ai.providers names no provider");
        }
        this.providers = List.copyOf(providers);
        this.meters = meters;
    }

    public List<String> names() {
        return providers.stream().map(ChatProvider::name).toList();
    }

    /**
     * @throws ProviderException the first failure that does not fail over, or, when every provider
     *                           failed over, one naming them all (itself failing over: a later
     *                           retry of the whole request may succeed)
     */
    public Reply complete(Prompt prompt) throws ProviderException {
        List<ProviderException> failures = new ArrayList<>();
        for (ChatProvider provider : providers) {
            try {
                return provider.complete(prompt);
            } catch (ProviderException failure) {
                if (!failure.failureCause().movesOn()) {
                    log.error("AI provider {} failed without failover: {}", provider.name(), failure.getMessage());
                    throw failure;
                }
                log.warn("AI provider {} failed ({}), trying the next one: {}", provider.name(),
                        failure.failureCause().tag(), failure.getMessage());
                meters.counter("sellavie.ai.provider.failovers", "provider", provider.name()).increment();
                failures.add(failure);
            }
        }
        String all = failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        boolean retryable = failures.stream().anyMatch(f -> f.failureCause().mayPassLater());
        meters.counter("sellavie.ai.provider.exhausted").increment();
        log.warn("Every AI provider failed ({}): {}", retryable ? "worth a later retry" : "no retry will help", all);
        ProviderException exhausted = ProviderException.exhausted("every provider failed: " + all, retryable,
                failures.getLast());
        failures.subList(0, failures.size() - 1).forEach(exhausted::addSuppressed);
        throw exhausted;
    }
}
