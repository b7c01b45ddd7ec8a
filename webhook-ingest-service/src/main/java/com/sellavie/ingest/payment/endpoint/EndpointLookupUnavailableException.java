package com.sellavie.ingest.payment.endpoint;

/**
 * Commerce could not be asked which secret an endpoint uses (circuit breaker open, timeout, error answer):
 * the webhook cannot be verified now, so the provider is asked to retry later. The message says why and
 * never holds a secret or commerce's answer body.
 */
public class EndpointLookupUnavailableException extends RuntimeException {

    private final String reason;

    EndpointLookupUnavailableException(String reason) {
        super("Commerce cannot be asked for the payment endpoint now: " + reason, null, false, false);
        this.reason = reason;
    }

    /** A short label for logs and metrics: breaker_open, timeout, error_answer, invalid_answer, failed. */
    public String reason() {
        return reason;
    }
}
