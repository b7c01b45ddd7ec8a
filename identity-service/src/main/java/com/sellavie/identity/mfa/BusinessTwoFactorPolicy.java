package com.sellavie.identity.mfa;

import com.sellavie.identity.token.ExtraClaims;
import com.sellavie.platform.security.AccessTokenClaims;
import com.sellavie.platform.tenancy.Tenancy;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a business requires 2FA of its members, and the claim that follows: a member without 2FA
 * in such a business gets {@code mfa_enrolment_required: true} in every access token issued (log-in,
 * refresh), which platform and gateway confine to the enrolment endpoints. After enrolling, the next
 * refresh issues a normal token.
 */
@Component
class BusinessTwoFactorPolicy implements ExtraClaims {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final TwoFactorStore store;

    BusinessTwoFactorPolicy(JdbcClient jdbc, Tenancy tenancy, TwoFactorStore store) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.store = store;
    }

    /** Whether {@code businessId} requires 2FA (read as that tenant). */
    boolean required(UUID businessId) {
        return tenancy.callAs(businessId, () -> jdbc
                .sql("SELECT require_two_factor FROM businesses WHERE id = :business")
                .param("business", businessId)
                .query(Boolean.class).optional().orElse(false));
    }

    /** Sets the policy of the current tenant's business {@code businessId}. */
    void require(UUID businessId, boolean required) {
        tenancy.runAs(businessId, () -> jdbc
                .sql("UPDATE businesses SET require_two_factor = :required WHERE id = :business")
                .param("required", required).param("business", businessId)
                .update());
    }

    @Override
    public Map<String, Object> claimsFor(UUID userId, UUID businessId) {
        return required(businessId) && !store.enabled(userId)
                ? Map.of(AccessTokenClaims.MFA_ENROLMENT_REQUIRED, true)
                : Map.of();
    }
}
