package com.sellavie.platform.tenancy;

/**
 * Names of the claims Sellavie's access tokens carry (issued by identity-service). The one place
 * these names live.
 */
public final class SellavieClaims {

    /** The user's id (UUID). */
    public static final String USER_ID = "sub";
    /** The business (tenant) the token acts for (UUID). */
    public static final String BUSINESS_ID = "business_id";
    /** The user's role in that business: one of {@link Role}. */
    public static final String ROLE = "role";
    /** Whether the user proved they receive mail at their address (boolean). */
    public static final String EMAIL_VERIFIED = "email_verified";

    private SellavieClaims() {
    }

    /** A member's role in a business. */
    public enum Role {
        OWNER, ADMIN, AGENT
    }
}
