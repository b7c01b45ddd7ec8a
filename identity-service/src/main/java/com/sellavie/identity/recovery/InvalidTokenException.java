package com.sellavie.identity.recovery;

/** An emailed token that is unknown, already used or expired (one answer for all three). */
class InvalidTokenException extends RuntimeException {

    InvalidTokenException() {
        super("Invalid, used or expired token");
    }
}
