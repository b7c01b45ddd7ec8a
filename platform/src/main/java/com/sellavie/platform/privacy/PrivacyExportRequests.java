package com.sellavie.platform.privacy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The export requests this service received ({@code privacy_exports}): enough to compute a part later. */
class PrivacyExportRequests {

    private final JdbcTemplate jdbc;

    PrivacyExportRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(PrivacySubject subject) {
        jdbc.update("INSERT INTO privacy_exports (request_id, business_id, scope, contact_id) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (request_id) DO NOTHING",
                subject.requestId(), subject.businessId(), subject.scope().name(), subject.contactId());
    }

    Optional<PrivacySubject> find(UUID requestId) {
        return jdbc.query("SELECT business_id, scope, contact_id FROM privacy_exports WHERE request_id = ?",
                (rs, n) -> new PrivacySubject(requestId, rs.getObject("business_id", UUID.class),
                        PrivacyScope.valueOf(rs.getString("scope")), rs.getObject("contact_id", UUID.class), null),
                requestId).stream().findFirst();
    }
}
