package com.sellavie.gateway.security;

import reactor.core.publisher.Mono;

/**
 * The rate-limit bucket of each business, taken right after its token was found not revoked (a revoked token takes
 * nothing from its business's limit). Provided by the rate limits (package {@code ratelimit}), absent when they are
 * off; a request it was taken for carries {@link #TAKEN} so the rate-limit filter does not take again.
 */
public interface ApiBucket {

    /** Exchange attribute: this request's business bucket was already taken from. */
    String TAKEN = ApiBucket.class.getName() + ".taken";

    /** Allowed, or refused with the whole seconds until a request would be let through. */
    record Taken(boolean allowed, long retryAfterSeconds) {

        public static final Taken ALLOWED = new Taken(true, 0);
    }

    /** One request's share of {@code businessId}'s bucket; never fails (a limit fails open). */
    Mono<Taken> take(String businessId);
}
