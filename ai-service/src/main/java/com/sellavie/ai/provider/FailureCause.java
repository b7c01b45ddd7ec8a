package com.sellavie.ai.provider;

import java.util.Locale;

/**
 * Why a provider gave no reply, and so what the chain does next (PROVIDERS.md §5). The name (lower
 * case) tags the {@code sellavie.ai.provider.failures} metric.
 */
public enum FailureCause {
    /** Connection refused or reset: another provider may be up. */
    CONNECTION(Effect.FAIL_OVER),
    /** No answer within the call's timeout. */
    TIMEOUT(Effect.FAIL_OVER),
    /** 408 or 429: rate limit or quota of this provider (another has its own). */
    RATE_LIMITED(Effect.FAIL_OVER),
    /** 500, 502, 503, 504 and other 5xx but 501. */
    SERVER_ERROR(Effect.FAIL_OVER),
    /** Anthropic's 529 overloaded_error. */
    OVERLOADED(Effect.FAIL_OVER),
    /** A 200 whose body could not be read, or that held no text. */
    MALFORMED(Effect.FAIL_OVER),
    /** The provider's breaker is open: skipped without a call. */
    BREAKER_OPEN(Effect.FAIL_OVER),
    /** The provider's concurrency limit is reached: skipped without a call. */
    BULKHEAD_FULL(Effect.FAIL_OVER),
    /** 401 or 403: this key is refused; alerted, and the key is skipped (the next provider tries). */
    KEY_REJECTED(Effect.SKIP_KEY),
    /** 400, 404, 413, 422, 501: the request itself is wrong and would fail everywhere: surfaced. */
    REQUEST_REJECTED(Effect.SURFACE),
    /** Misconfiguration found before any call (e.g. no key): surfaced. */
    MISCONFIGURED(Effect.SURFACE);

    /** What the chain does after a failure of this cause. */
    public enum Effect {
        FAIL_OVER,
        SKIP_KEY,
        SURFACE
    }

    private final Effect effect;

    FailureCause(Effect effect) {
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }

    /** Whether the next provider is tried. */
    public boolean movesOn() {
        return effect != Effect.SURFACE;
    }

    /** Whether the same request might succeed later with the same providers (so a retry is worth it). */
    public boolean mayPassLater() {
        return effect == Effect.FAIL_OVER;
    }

    /** Whether the failure says something about the provider's health (counted by its breaker). */
    public boolean countsAgainstProvider() {
        return this == CONNECTION || this == TIMEOUT || this == RATE_LIMITED || this == SERVER_ERROR
                || this == OVERLOADED || this == MALFORMED;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
