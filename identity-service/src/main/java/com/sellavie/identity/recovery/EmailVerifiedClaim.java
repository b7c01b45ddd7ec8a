package com.sellavie.identity.recovery;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.token.ExtraClaims;
import com.sellavie.platform.tenancy.SellavieClaims;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code email_verified} in every access token, read at each issue: a user who verifies gets it on their
 * next refresh. Resource servers gate what needs a reachable owner on it (connecting a channel).
 */
@Component
class EmailVerifiedClaim implements ExtraClaims {

    private final Accounts accounts;

    EmailVerifiedClaim(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> claimsFor(UUID userId, UUID businessId) {
        return Map.of(SellavieClaims.EMAIL_VERIFIED, accounts.emailVerified(userId));
    }
}
