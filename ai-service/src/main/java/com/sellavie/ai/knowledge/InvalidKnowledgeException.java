package com.sellavie.ai.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A knowledge document with field errors; nothing of it was written. */
class InvalidKnowledgeException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    InvalidKnowledgeException(Map<String, String> fieldErrors) {
        super("Invalid knowledge: " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
