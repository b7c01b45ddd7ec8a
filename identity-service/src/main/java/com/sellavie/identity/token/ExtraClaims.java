package com.sellavie.identity.token;

import java.util.Map;
import java.util.UUID;

/**
 * Claims another feature adds to every access token it issues for a member (e.g. 2FA's
 * {@code mfa_enrolment_required}), evaluated at each issue: log-in, second step, refresh.
 */
public interface ExtraClaims {

    /** The claims to add for {@code userId} acting for {@code businessId}; empty for none. */
    Map<String, Object> claimsFor(UUID userId, UUID businessId);
}
