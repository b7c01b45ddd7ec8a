package com.sellavie.identity.privacy;

import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.identity.privacy.PrivacyRequest.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * identity's export part, in the contract's shape {@code {"service","requestId","data"}}: for a whole
     * business its name, members (address, role, since when) and invitations; nothing for a contact.
     * Runs as the request's business.
     */
    String exportPart(PrivacyRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (request.scope() == Scope.BUSINESS) {
            data.put("business", jdbc.sql("SELECT id::text AS id, name, created_at::text AS \"createdAt\" "
                            + "FROM businesses WHERE id = :business")
                    .param("business", request.businessId()).query().listOfRows());
            data.put("members", jdbc.sql("""
                            SELECT u.email, m.role, m.created_at::text AS "joinedAt"
                            FROM memberships m JOIN users u ON u.id = m.user_id
                            WHERE m.business_id = :business ORDER BY m.created_at""")
                    .param("business", request.businessId()).query().listOfRows());
            data.put("invitations", jdbc.sql("""
                            SELECT email, role, created_at::text AS "createdAt", accepted_at IS NOT NULL AS accepted
                            FROM invitations WHERE business_id = :business ORDER BY created_at""")
                    .param("business", request.businessId()).query().listOfRows());
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("service", PrivacyProperties.IDENTITY);
        part.put("requestId", request.id().toString());
        part.put("data", data);
        return JSON.writeValueAsString(part);
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
