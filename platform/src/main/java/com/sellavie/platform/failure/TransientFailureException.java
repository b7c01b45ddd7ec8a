package com.sellavie.platform.failure;

/** A failure the thrower knows to be transient; classified {@link FailureKind#TRANSIENT}. */
public class TransientFailureException extends RuntimeException implements TransientFailure {

    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
