package com.sellavie.notification.email;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A member's address, asked of identity at send time (identity.members events carry none), behind a
 * circuit breaker: while identity is down, sends fail fast and the sender's backoff retries them later.
 * A member identity does not know in that business (they left) makes the email undeliverable.
 */
@Component
class MemberAddresses {

    private final IdentityMembersClient identity;
    private final CircuitBreaker breaker;

    MemberAddresses(IdentityMembersClient identity, CircuitBreakerRegistry breakers) {
        this.identity = identity;
        this.breaker = breakers.circuitBreaker("identity-members");
    }

    String of(UUID businessId, UUID userId) {
        try {
            return breaker.executeSupplier(() -> identity.email(userId, businessId)).email();
        } catch (FeignException.NotFound e) {
            throw new UndeliverableEmailException("Member " + userId + " is not in business " + businessId
                    + " any more (identity answered 404)");
        } catch (CallNotPermittedException e) {
            throw new IllegalStateException("identity-service unavailable (circuit open): member address not known yet", e);
        }
    }
}
