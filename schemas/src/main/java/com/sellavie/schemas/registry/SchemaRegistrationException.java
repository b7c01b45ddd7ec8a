package com.sellavie.schemas.registry;

/** The registry refused a registration or a rule change; {@link #isIncompatible()} tells a rule violation apart. */
public class SchemaRegistrationException extends RuntimeException {

    private static final int CONFLICT = 409;

    private final String subject;
    private final int status;

    public SchemaRegistrationException(String subject, int status, String message) {
        super("Registry refused " + subject + " (HTTP " + status + "): " + message);
        this.subject = subject;
        this.status = status;
    }

    public SchemaRegistrationException(String subject, String message, Throwable cause) {
        super("Registry unreachable while registering " + subject + ": " + message, cause);
        this.subject = subject;
        this.status = -1;
    }

    public String subject() {
        return subject;
    }

    /** HTTP status the registry answered, or -1 when it could not be reached. */
    public int status() {
        return status;
    }

    /** True when the schema breaks the subject's compatibility rule (the Confluent API answers 409). */
    public boolean isIncompatible() {
        return status == CONFLICT;
    }
}
