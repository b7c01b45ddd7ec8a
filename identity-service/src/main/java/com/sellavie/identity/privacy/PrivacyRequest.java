package com.sellavie.identity.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A privacy request and each service's progress on it.
 *
 * @param contactId    the contact when scope is CONTACT
 * @param metaUserId   Meta's app-scoped user id when scope is META_USER (never shown by the API)
 * @param requestedBy  the OWNER who asked; null for Meta's callbacks
 */
record PrivacyRequest(UUID id, UUID businessId, Kind kind, Scope scope, UUID contactId, String metaUserId,
        Source source, UUID requestedBy, Status status, String confirmationCode, Instant createdAt,
        Instant completedAt, List<Task> tasks) {

    enum Kind { EXPORT, ERASURE }

    enum Scope { CONTACT, BUSINESS, META_USER }

    enum Source { CONSOLE, META_DATA_DELETION, META_DEAUTHORIZE }

    /** PENDING until every service answered DONE (COMPLETED); FAILED while a service's last answer is FAILED. */
    enum Status { PENDING, COMPLETED, FAILED }

    enum Outcome { PENDING, DONE, FAILED }

    /** One service's part: its last answer. */
    record Task(String service, Outcome outcome, int itemCount, String detail, Instant answeredAt) {
    }

    PrivacyRequest withTasks(List<Task> tasks) {
        return new PrivacyRequest(id, businessId, kind, scope, contactId, metaUserId, source, requestedBy, status,
                confirmationCode, createdAt, completedAt, tasks);
    }

    /** The status the tasks' outcomes make. */
    static Status statusOf(List<Task> tasks) {
        if (tasks.stream().allMatch(task -> task.outcome() == Outcome.DONE)) {
            return Status.COMPLETED;
        }
        return tasks.stream().anyMatch(task -> task.outcome() == Outcome.FAILED) ? Status.FAILED : Status.PENDING;
    }

    @Override
    public String toString() {
        return "PrivacyRequest[" + id + " " + kind + " " + scope + " " + status + "]";
    }
}
