package com.sellavie.commerce.checkout;

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
 * Routes a checkout to its provider through that provider's circuit breaker ({@code resilience4j.
 * circuitbreaker.instances.<paystack|flutterwave|stripe>}): while a provider keeps failing, calls fail
 * fast as unavailable and the orders wait for their next due time instead of piling onto it.
 */
@Component
class ProviderCalls {

    private final Map<String, ProviderCheckout> providers;
    private final CircuitBreakerRegistry breakers;

    ProviderCalls(List<ProviderCheckout> providers, CircuitBreakerRegistry breakers) {
        this.providers = providers.stream().collect(Collectors.toMap(ProviderCheckout::provider, Function.identity()));
        this.breakers = breakers;
    }

    ProviderCheckout.CreatedCheckout create(String provider, ProviderCheckout.CheckoutRequest request,
            String secretKey) {
        ProviderCheckout checkout = providers.get(provider);
        if (checkout == null) {
            throw new ProviderRefusedException("no checkout for provider " + provider);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(provider.toLowerCase(Locale.ROOT));
        try {
            return breaker.executeSupplier(() -> checkout.create(request, secretKey));
        } catch (CallNotPermittedException open) {
            throw new ProviderUnavailableException(provider + " circuit breaker is open (too many recent failures)",
                    open);
        }
    }
}
