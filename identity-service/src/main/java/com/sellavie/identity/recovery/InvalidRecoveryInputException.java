package com.sellavie.identity.recovery;

import java.util.Map;

/** A field breaks its rule ({@link #fieldErrors()}: field -> why, never echoing the value). */
class InvalidRecoveryInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidRecoveryInputException(Map<String, String> fieldErrors) {
        super("Invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
