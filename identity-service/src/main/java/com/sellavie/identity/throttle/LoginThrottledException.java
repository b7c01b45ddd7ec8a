package com.sellavie.identity.throttle;

import java.time.Duration;

/** Too many failed log-ins for this address or from this client: try again after {@link #retryAfter()}. */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed log-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one (the {@code Retry-After} header's unit). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
