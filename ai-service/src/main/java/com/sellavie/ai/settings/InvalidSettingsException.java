package com.sellavie.ai.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** AI settings (or a key test) with field errors; nothing was written, nothing was called. */
class InvalidSettingsException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    InvalidSettingsException(Map<String, String> fieldErrors) {
        super("Invalid AI settings: " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
