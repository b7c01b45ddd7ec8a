package com.sellavie.identity.session;

/** Why a refresh, logout or session request was refused (mapped to problem JSON by {@link SessionProblems}). */
final class SessionExceptions {

    private SessionExceptions() {
    }

    /** Unknown, expired, revoked or reused refresh token: all the same 401, saying nothing more. */
    static class InvalidRefreshTokenException extends RuntimeException {

        InvalidRefreshTokenException() {
            super("The refresh token is invalid or expired");
        }
    }

    /** The token was rotated a moment ago by a concurrent refresh: retry with the newest cookie. */
    static class RefreshRaceException extends RuntimeException {

        RefreshRaceException() {
            super("The refresh token was just rotated by another request");
        }
    }

    /** No such session of the caller (another user's, another business's, or none). */
    static class SessionNotFoundException extends RuntimeException {

        SessionNotFoundException() {
            super("No such session");
        }
    }
}
