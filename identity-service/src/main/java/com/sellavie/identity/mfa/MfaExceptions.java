package com.sellavie.identity.mfa;

import java.time.Duration;

/** Refusals of the two-factor endpoints, answered as problem JSON by {@link MfaProblems}. */
final class MfaExceptions {

    private MfaExceptions() {
    }

    /** Wrong, malformed, replayed or spent code (or wrong password when disabling). */
    static final class InvalidCodeException extends RuntimeException {
        InvalidCodeException() {
            super("Invalid code");
        }
    }

    /** Unknown, expired, used-up or malformed log-in challenge. */
    static final class InvalidChallengeException extends RuntimeException {
        InvalidChallengeException() {
            super("Invalid challenge");
        }
    }

    /** Too many wrong codes for this user lately. */
    static final class TooManyAttemptsException extends RuntimeException {
        private final Duration retryAfter;

        TooManyAttemptsException(Duration retryAfter) {
            super("Too many attempts");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Enrolment in a state that does not allow the request (already on, or nothing to confirm/disable). */
    static final class EnrolmentStateException extends RuntimeException {
        private final String title;

        EnrolmentStateException(String title, String detail) {
            super(detail);
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /** A required field is missing. */
    static final class MissingFieldException extends RuntimeException {
        private final String field;

        MissingFieldException(String field) {
            super(field + " is required");
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
