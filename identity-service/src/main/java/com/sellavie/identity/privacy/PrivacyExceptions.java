package com.sellavie.identity.privacy;

import java.util.Map;

/** Failures of privacy requests, answered as problem JSON by {@link PrivacyProblems}. */
final class PrivacyExceptions {

    private PrivacyExceptions() {
    }

    static final class InvalidRequestException extends RuntimeException {

        private final transient Map<String, String> fieldErrors;

        InvalidRequestException(Map<String, String> fieldErrors) {
            super("Invalid privacy request: " + fieldErrors.keySet());
            this.fieldErrors = fieldErrors;
        }

        Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }

    static final class RequestNotFoundException extends RuntimeException {

        RequestNotFoundException() {
            super("Privacy request not found");
        }
    }

    static final class NotRetryableException extends RuntimeException {

        NotRetryableException(String message) {
            super(message);
        }
    }

    static final class ArchiveUnavailableException extends RuntimeException {

        ArchiveUnavailableException(String message) {
            super(message);
        }
    }
}
