package com.sellavie.identity.mfa;

/**
 * The log-in answer when the password was right and 2FA is on: no token yet, a challenge to send back
 * with a code to {@code POST /api/auth/mfa} within {@code expiresIn} seconds.
 */
public record MfaRequired(boolean mfaRequired, String challenge, long expiresIn) {

    @Override
    public String toString() {
        return "MfaRequired[challenge=***]";
    }
}
