package com.sellavie.identity.privacy;

import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.identity.privacy.PrivacyRequest.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * identity-service's own answer, given in the transaction that records the request. identity knows
 * nothing about contacts or Meta users (0 items). For a whole business's erasure it erases what it
 * holds about people who are not (or no longer) acting members: pending invitations (an address that
 * never joined) and the client addresses and devices of its sessions and security events. The
 * members' own accounts stay: they still run the business and log in (closing an account is theirs).
 */
@Component
class IdentityPrivacyPart {

    private final JdbcClient jdbc;

    IdentityPrivacyPart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Does identity's part as the request's business; returns how many records it covered. */
    int perform(PrivacyRequest request) {
        if (request.scope() != Scope.BUSINESS) {
            return 0;
        }
        return request.kind() == Kind.EXPORT ? countBusinessRecords(request) : eraseBusinessTraces(request);
    }

    private int countBusinessRecords(PrivacyRequest request) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM memberships WHERE business_id = :business)
                             + (SELECT count(*) FROM invitations WHERE business_id = :business)""")
                .param("business", request.businessId())
                .query(Integer.class).single();
    }

    private int eraseBusinessTraces(PrivacyRequest request) {
        int invitations = jdbc.sql("DELETE FROM invitations WHERE business_id = :business AND accepted_at IS NULL")
                .param("business", request.businessId()).update();
        int sessions = jdbc.sql("UPDATE sessions SET ip = NULL, device = NULL WHERE business_id = :business "
                        + "AND (ip IS NOT NULL OR device IS NOT NULL)")
                .param("business", request.businessId()).update();
        int events = jdbc.sql("UPDATE security_events SET ip = NULL, device = NULL WHERE business_id = :business "
                        + "AND (ip IS NOT NULL OR device IS NOT NULL)")
                .param("business", request.businessId()).update();
        return invitations + sessions + events;
    }
}
