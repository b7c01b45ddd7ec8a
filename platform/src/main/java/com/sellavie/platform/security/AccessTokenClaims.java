package com.sellavie.platform.security;

/**
 * What Sellavie's access tokens carry beyond the tenancy claims ({@code sub}, {@code business_id},
 * {@code role}): identity issues them, every resource server and the gateway check them.
 */
public final class AccessTokenClaims {

    /** JOSE header {@code typ} of an access token (RFC 9068): a token of another kind is refused. */
    public static final String TYPE = "at+jwt";
    /** The login session (refresh-token family) the token was issued in; the denylist revokes by it. */
    public static final String SESSION_ID = "sid";
    /**
     * {@code true} when the business requires 2FA and the member has not enrolled: the token opens only
     * {@link #ENROLMENT_PATHS}; everything else answers 403 {@code {"reason":"TWO_FACTOR_REQUIRED"}}.
     */
    public static final String MFA_ENROLMENT_REQUIRED = "mfa_enrolment_required";
    /** The {@code reason} of the 403 a token with {@link #MFA_ENROLMENT_REQUIRED} gets elsewhere. */
    public static final String TWO_FACTOR_REQUIRED = "TWO_FACTOR_REQUIRED";
    /**
     * What a token with {@link #MFA_ENROLMENT_REQUIRED} may still call (exact paths): the TOTP
     * enrolment, who am I, and logout (refresh needs no access token).
     */
    public static final java.util.Set<String> ENROLMENT_PATHS = java.util.Set.of(
            "/api/auth/totp", "/api/auth/totp/confirm", "/api/auth/logout", "/api/me");

    private AccessTokenClaims() {
    }
}
