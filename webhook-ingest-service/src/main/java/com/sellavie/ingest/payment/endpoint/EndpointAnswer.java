package com.sellavie.ingest.payment.endpoint;

import java.util.List;
import java.util.UUID;

/**
 * commerce's answer as it travels:
 * {@code {"endpointId","businessId","provider","mode","scheme","secrets":["<current>","<previous>"]}}.
 * Plain strings, checked by {@link #toEndpoint} so that an answer ingest does not understand is refused
 * as a whole rather than half-used.
 */
record EndpointAnswer(String endpointId, String businessId, String provider, String mode, String scheme,
        List<String> secrets) {

    /** The endpoint this answer describes, or an exception naming the field that is wrong (never its value). */
    PaymentEndpoint toEndpoint(String requestedId) {
        if (!requestedId.equals(endpointId)) {
            throw new InvalidAnswerException("endpointId differs from the one asked for");
        }
        UUID business;
        PaymentProvider providerValue;
        VerificationScheme schemeValue;
        try {
            business = UUID.fromString(String.valueOf(businessId));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("businessId is not a UUID");
        }
        try {
            providerValue = PaymentProvider.valueOf(String.valueOf(provider));
            schemeValue = VerificationScheme.valueOf(String.valueOf(scheme));
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("provider or scheme unknown");
        }
        if (schemeValue.provider() != providerValue) {
            throw new InvalidAnswerException("scheme " + schemeValue + " does not belong to " + providerValue);
        }
        return new PaymentEndpoint(endpointId, business, providerValue, mode, schemeValue, secrets);
    }

    @Override
    public String toString() {
        return "EndpointAnswer[endpointId=" + endpointId + ", businessId=" + businessId + ", provider=" + provider
                + ", mode=" + mode + ", scheme=" + scheme + ", secrets=<"
                + (secrets == null ? 0 : secrets.size()) + " hidden>]";
    }

    /** An answer ingest cannot use; its message names the problem, never a value. */
    static final class InvalidAnswerException extends RuntimeException {
        InvalidAnswerException(String message) {
            super(message, null, false, false);
        }
    }
}
