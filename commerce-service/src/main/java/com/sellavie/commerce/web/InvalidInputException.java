package com.sellavie.commerce.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule, with every offending field and why ({@code {"priceMinor": "must be ..."}}).
 * Thrown before anything is written; answered 400 problem+json with {@code errors}.
 */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        // The message names fields only, never values: a value may be a secret.
        super("Invalid input: " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
