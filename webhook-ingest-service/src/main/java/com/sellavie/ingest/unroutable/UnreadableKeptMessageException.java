package com.sellavie.ingest.unroutable;

/** A kept message whose stored JSON no longer parses as one Meta message. */
public class UnreadableKeptMessageException extends RuntimeException {

    public UnreadableKeptMessageException(String message) {
        super(message);
    }
}
