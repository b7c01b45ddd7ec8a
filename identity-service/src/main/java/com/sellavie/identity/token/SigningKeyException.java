package com.sellavie.identity.token;

/**
 * The signing key is missing or unusable. Identity fails closed: it does not start rather than
 * issue tokens nobody can trust. {@link #getMessage()} is one line: the cause; {@link #fix()} says
 * what to do.
 */
public class SigningKeyException extends RuntimeException {

    private final String fix;

    SigningKeyException(String cause, String fix) {
        super(cause);
        this.fix = fix;
    }

    SigningKeyException(String cause, String fix, Throwable error) {
        super(cause, error);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
