package com.sellavie.ai.provider;

/**
 * A provider gave no reply. Its {@link FailureCause} applies PROVIDERS.md §5's rule: a transient
 * failure (connection error, timeout, 408, 429, 5xx, Anthropic's 529, a malformed answer, an open
 * breaker) lets the next provider try; a refused key (401, 403) is alerted and skipped; a request bug
 * (400, 404, 413, ...) would fail the same everywhere, so it is surfaced. Messages never hold a key.
 */
public class ProviderException extends Exception {

    private final String provider;
    private final FailureCause cause;
    private final int status;
    private final boolean retryable;

    private ProviderException(String provider, FailureCause cause, int status, boolean retryable, String message,
            Throwable throwable) {
        super(provider + ": " + message, throwable);
        this.provider = provider;
        this.cause = cause;
        this.status = status;
        this.retryable = retryable;
    }

    /** An HTTP error answer: its status decides. */
    public static ProviderException httpStatus(String provider, int status, String message, Throwable cause) {
        FailureCause failure = FailoverRule.causeOf(status);
        return new ProviderException(provider, failure, status, failure.mayPassLater(),
                "HTTP " + status + " " + message, cause);
    }

    /** A failure with no HTTP status (connection, timeout, unreadable body, breaker, bulkhead, configuration). */
    public static ProviderException of(String provider, FailureCause failure, String message, Throwable cause) {
        return new ProviderException(provider, failure, 0, failure.mayPassLater(), message, cause);
    }

    /** No answer at all or an unreadable one: the next may do better. */
    public static ProviderException transientFailure(String provider, String message, Throwable cause) {
        return of(provider, FailureCause.CONNECTION, message, cause);
    }

    /** Every provider of the chain failed; worth a later retry when any of them may pass later. */
    static ProviderException exhausted(String message, boolean retryable, ProviderException last) {
        return new ProviderException("chain", last.failureCause(), 0, retryable, message, last);
    }

    public String provider() {
        return provider;
    }

    public FailureCause failureCause() {
        return cause;
    }

    /**
     * Whether trying again (the next provider inside the chain; the whole request later, for the
     * chain's own exception) may help.
     */
    public boolean failover() {
        return retryable;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }
}
