package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.checkout.ProviderRefusedException;
import com.sellavie.commerce.checkout.ProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Routes a verification to its provider through that provider's circuit breaker (the same
 * {@code resilience4j.circuitbreaker.instances.paystack|flutterwave} checkout uses: one provider, one
 * health): while it keeps failing, calls fail fast as unavailable and notifications wait for their next
 * due time. Stripe has none: its signed event is the proof.
 */
@Component
class Verifiers {

    private final Map<String, ProviderVerifier> verifiers;
    private final CircuitBreakerRegistry breakers;

    Verifiers(List<ProviderVerifier> verifiers, CircuitBreakerRegistry breakers) {
        this.verifiers = verifiers.stream().collect(Collectors.toMap(ProviderVerifier::provider, Function.identity()));
        this.breakers = breakers;
    }

    boolean verifies(String provider) {
        return verifiers.containsKey(provider);
    }

    Verification verify(String provider, String reference, String providerTransactionId, String secretKey) {
        ProviderVerifier verifier = verifiers.get(provider);
        if (verifier == null) {
            throw new ProviderRefusedException("no verification for provider " + provider);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(provider.toLowerCase(Locale.ROOT));
        try {
            return breaker.executeSupplier(() -> verifier.verify(reference, providerTransactionId, secretKey));
        } catch (CallNotPermittedException open) {
            throw new ProviderUnavailableException(provider + " circuit breaker is open (too many recent failures)",
                    open);
        }
    }
}
