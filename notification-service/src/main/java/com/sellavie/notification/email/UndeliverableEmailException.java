package com.sellavie.notification.email;

/** A failure no retry gets past (bad address, link that does not decrypt, missing template): the email is FAILED. */
class UndeliverableEmailException extends RuntimeException {

    UndeliverableEmailException(String message) {
        super(message);
    }

    UndeliverableEmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
