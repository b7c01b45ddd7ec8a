package com.sellavie.identity.session;

/** Why a session ended before its expiry (stored in {@code sessions.revoked_reason}). */
enum RevocationReason {
    /** The user logged out of it. */
    LOGOUT,
    /** The user ended it from their session list. */
    REVOKED,
    /** A spent refresh token of it was presented again: stolen or replayed, so the whole family dies. */
    REFRESH_TOKEN_REUSE,
    /** The user is no longer a member of the session's business. */
    MEMBERSHIP_ENDED,
    /** The account's password was reset: every session of the account ends. */
    PASSWORD_RESET
}
