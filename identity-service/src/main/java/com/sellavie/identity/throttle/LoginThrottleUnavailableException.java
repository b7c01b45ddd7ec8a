package com.sellavie.identity.throttle;

/** Redis, which keeps the failure counts, did not answer: log-in is refused (fail closed). */
public class LoginThrottleUnavailableException extends RuntimeException {

    LoginThrottleUnavailableException(Throwable cause) {
        super("The log-in throttle could not be reached", cause);
    }
}
