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

    private AccessTokenClaims() {
    }
}
