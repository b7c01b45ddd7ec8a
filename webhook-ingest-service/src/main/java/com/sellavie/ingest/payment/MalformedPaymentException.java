package com.sellavie.ingest.payment;

import java.util.Map;

/**
 * A verified body that is not JSON, or lacks what its event type needs. {@link #errors()} maps each field
 * (dotted path, {@code $} for the whole body) to what is wrong with it; neither holds a value from the body.
 */
class MalformedPaymentException extends Exception {

    private final Map<String, String> errors;

    MalformedPaymentException(Map<String, String> errors) {
        super("Invalid payment webhook: " + errors, null, false, false);
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
