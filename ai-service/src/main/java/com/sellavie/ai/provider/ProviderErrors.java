package com.sellavie.ai.provider;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

/** Shared mapping of client failures without an HTTP status onto {@link FailureCause}s. */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** No answer: a timeout when any cause is one (OkHttp, JDK client, sockets), else a connection failure. */
    public static ProviderException noAnswer(String provider, Throwable failure) {
        FailureCause cause = timedOut(failure) ? FailureCause.TIMEOUT : FailureCause.CONNECTION;
        return ProviderException.of(provider, cause, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                failure);
    }

    /** A 200 whose body could not be read, or that held no text. */
    public static ProviderException malformed(String provider, String message, Throwable failure) {
        return ProviderException.of(provider, FailureCause.MALFORMED, message, failure);
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // SocketTimeoutException is an InterruptedIOException; OkHttp's call timeout is one too.
            if (t instanceof InterruptedIOException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
