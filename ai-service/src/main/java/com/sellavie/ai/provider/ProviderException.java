package com.sellavie.ai.provider;

/**
 * A provider gave no reply. {@link #failover()} applies PROVIDERS.md §5's rule: a transient failure
 * (connection error, timeout, 408, 429, 5xx, Anthropic's 529, a malformed answer) lets the next
 * provider try; a request bug (400, 404, 413, ...) or a configuration problem (401, 403) would fail
 * the same everywhere, so it is surfaced instead.
 */
public class ProviderException extends Exception {

    private final String provider;
    private final boolean failover;
    private final int status;

    private ProviderException(String provider, boolean failover, int status, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.failover = failover;
        this.status = status;
    }

    /** An HTTP error answer: fails over or not by its status. */
    public static ProviderException httpStatus(String provider, int status, String message, Throwable cause) {
        return new ProviderException(provider, FailoverRule.failsOver(status), status,
                "HTTP " + status + " " + message, cause);
    }

    /** No answer at all (connection refused, reset, timed out) or an unreadable one: the next may do better. */
    public static ProviderException transientFailure(String provider, String message, Throwable cause) {
        return new ProviderException(provider, true, 0, message, cause);
    }

    /** Something no other provider can fix either (e.g. a missing key): surfaced. */
    public static ProviderException permanentFailure(String provider, String message, Throwable cause) {
        return new ProviderException(provider, false, 0, message, cause);
    }

    public String provider() {
        return provider;
    }

    /** Whether the chain should try its next provider. */
    public boolean failover() {
        return failover;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }
}
