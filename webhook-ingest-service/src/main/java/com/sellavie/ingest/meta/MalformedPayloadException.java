package com.sellavie.ingest.meta;

/** A signed body that is not the JSON shape Meta sends; its message never contains the body. */
class MalformedPayloadException extends Exception {

    MalformedPayloadException(String message) {
        super(message, null, false, false);
    }
}
