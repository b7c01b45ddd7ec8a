package com.sellavie.identity.auth;

import java.util.Map;

/** The request's fields break the rules; {@link #fieldErrors()} says which and why (never echoing values). */
class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidInputException(Map<String, String> fieldErrors) {
        super("Invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
