package com.sellavie.gateway.security;

import java.util.List;

/**
 * The rate-limit bucket of a business, taken by the denylist lookup itself: one Redis script per authenticated request
 * answers both "revoked?" and "within its business's limit?", one round trip instead of two. Provided by the rate
 * limits (package {@code ratelimit}), absent when they are off; a request it was taken for carries
 * {@link #TAKEN} so the rate-limit filter does not take again.
 */
public interface ApiBucket {

    /** Exchange attribute: this request's business bucket was already taken from. */
    String TAKEN = ApiBucket.class.getName() + ".taken";

    /** Spring Cloud Gateway's token-bucket script (KEYS[1..2], ARGV[1..4]; answers {allowed 1|0, tokens left}). */
    String script();

    /** The script's keys for this business's bucket. */
    List<String> keys(String businessId);

    /** The script's arguments (rate, capacity, now, requested). */
    List<String> args();

    /** Whole seconds until a refused request would be let through, from the tokens the script said were left. */
    long retryAfterSeconds(long tokensLeft);
}
