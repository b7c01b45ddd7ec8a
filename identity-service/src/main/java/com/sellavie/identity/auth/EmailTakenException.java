package com.sellavie.identity.auth;

/** An account with this email address exists already. */
class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("An account with this email address already exists");
    }
}
