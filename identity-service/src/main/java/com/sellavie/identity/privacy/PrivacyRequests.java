package com.sellavie.identity.privacy;

import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.identity.privacy.PrivacyRequest.Outcome;
import com.sellavie.identity.privacy.PrivacyRequest.Scope;
import com.sellavie.identity.privacy.PrivacyRequest.Source;
import com.sellavie.identity.privacy.PrivacyRequest.Status;
import com.sellavie.identity.privacy.PrivacyRequest.Task;
import com.sellavie.platform.tenancy.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** privacy_requests and privacy_tasks; every method but {@link #byConfirmationCode} runs as the request's business. */
@Repository
class PrivacyRequests {

    /** Global lookup: Meta's public status page knows only the confirmation code. */
    static final String BY_CONFIRMATION_CODE = "privacy-request-by-confirmation-code";

    private static final String COLUMNS = "id, business_id, kind, scope, contact_id, meta_user_id, source, "
            + "requested_by, status, confirmation_code, created_at, completed_at";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PrivacyRequests(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** Stores a new request with a PENDING task per service. */
    void add(PrivacyRequest request, List<String> services) {
        jdbc.sql("INSERT INTO privacy_requests (" + COLUMNS + ") VALUES (:id, :business, :kind, :scope, :contact, "
                        + ":metaUser, :source, :by, :status, :code, :createdAt, NULL)")
                .param("id", request.id()).param("business", request.businessId())
                .param("kind", request.kind().name()).param("scope", request.scope().name())
                .param("contact", request.contactId()).param("metaUser", request.metaUserId())
                .param("source", request.source().name()).param("by", request.requestedBy())
                .param("status", request.status().name()).param("code", request.confirmationCode())
                .param("createdAt", Timestamp.from(request.createdAt()))
                .update();
        for (String service : services) {
            jdbc.sql("INSERT INTO privacy_tasks (request_id, business_id, service, outcome) "
                            + "VALUES (:id, :business, :service, 'PENDING')")
                    .param("id", request.id()).param("business", request.businessId()).param("service", service)
                    .update();
        }
    }

    Optional<PrivacyRequest> find(UUID businessId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_requests WHERE business_id = :business AND id = :id")
                .param("business", businessId).param("id", id)
                .query(PrivacyRequests::request).optional()
                .map(request -> request.withTasks(tasks(id)));
    }

    /** Locks the request's row: answers of several services for one request apply one after another. */
    Optional<PrivacyRequest> lock(UUID businessId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_requests WHERE business_id = :business AND id = :id "
                        + "FOR UPDATE")
                .param("business", businessId).param("id", id)
                .query(PrivacyRequests::request).optional()
                .map(request -> request.withTasks(tasks(id)));
    }

    /** The business's requests, newest first (Meta users' erasures are not a business's). */
    List<PrivacyRequest> list(UUID businessId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_requests WHERE business_id = :business "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("business", businessId).param("limit", limit)
                .query(PrivacyRequests::request).list().stream()
                .map(request -> request.withTasks(tasks(request.id())))
                .toList();
    }

    /** The request a confirmation code names, whatever its business (read-only). */
    Optional<PrivacyRequest> byConfirmationCode(String code) {
        return tenancy.globalLookup(BY_CONFIRMATION_CODE, () -> jdbc.sql("SELECT " + COLUMNS
                        + " FROM privacy_requests WHERE confirmation_code = :code")
                .param("code", code)
                .query(PrivacyRequests::request).optional()
                .map(request -> request.withTasks(tasks(request.id()))));
    }

    /** Records a service's answer; false when the service is not one the request waits for. */
    boolean answer(UUID requestId, String service, Outcome outcome, int itemCount, String detail, Instant at) {
        return jdbc.sql("UPDATE privacy_tasks SET outcome = :outcome, item_count = :count, detail = :detail, "
                        + "answered_at = :at WHERE request_id = :id AND service = :service")
                .param("outcome", outcome.name()).param("count", itemCount).param("detail", detail)
                .param("at", Timestamp.from(at)).param("id", requestId).param("service", service)
                .update() == 1;
    }

    void setStatus(UUID requestId, Status status, Instant completedAt) {
        jdbc.sql("UPDATE privacy_requests SET status = :status, completed_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", completedAt == null ? null : Timestamp.from(completedAt))
                .param("id", requestId)
                .update();
    }

    /** A retry: the failed parts wait for a new answer. */
    void resetFailedTasks(UUID requestId) {
        jdbc.sql("UPDATE privacy_tasks SET outcome = 'PENDING', detail = NULL, answered_at = NULL "
                        + "WHERE request_id = :id AND outcome = 'FAILED'")
                .param("id", requestId)
                .update();
    }

    private List<Task> tasks(UUID requestId) {
        return jdbc.sql("SELECT service, outcome, item_count, detail, answered_at FROM privacy_tasks "
                        + "WHERE request_id = :id ORDER BY service")
                .param("id", requestId)
                .query((rs, row) -> new Task(rs.getString("service"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getInt("item_count"), rs.getString("detail"), instant(rs, "answered_at")))
                .list();
    }

    private static PrivacyRequest request(ResultSet rs, int row) throws SQLException {
        String source = rs.getString("source");
        return new PrivacyRequest(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                Kind.valueOf(rs.getString("kind")), Scope.valueOf(rs.getString("scope")),
                rs.getObject("contact_id", UUID.class), rs.getString("meta_user_id"), Source.valueOf(source),
                rs.getObject("requested_by", UUID.class), Status.valueOf(rs.getString("status")),
                rs.getString("confirmation_code"), instant(rs, "created_at"), instant(rs, "completed_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
