package com.sellavie.identity.business;

import java.util.Map;

/** The profile breaks the rules; {@link #fieldErrors()} says which fields and why. */
class InvalidProfileException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidProfileException(Map<String, String> fieldErrors) {
        super("Invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
