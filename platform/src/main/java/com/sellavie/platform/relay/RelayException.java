package com.sellavie.platform.relay;

/** The relay could not deliver or could not start; the leader restarts its engine after a pause. */
class RelayException extends RuntimeException {

    RelayException(String message, Throwable cause) {
        super(message, cause);
    }

    RelayException(String message) {
        super(message);
    }
}
