package com.sellavie.commerce.checkout;

import com.sellavie.platform.failure.TransientFailure;

/** No answer from a provider this time (timeout, connection, 429, 5xx, circuit open): try again later. */
public class ProviderUnavailableException extends RuntimeException implements TransientFailure {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
