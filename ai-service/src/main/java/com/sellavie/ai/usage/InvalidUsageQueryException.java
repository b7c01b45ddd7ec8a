package com.sellavie.ai.usage;

/** A usage query the API refuses (bad date, range reversed or too long): 400 with {@link #code()}. */
class InvalidUsageQueryException extends RuntimeException {

    private final String code;

    InvalidUsageQueryException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
