package com.sellavie.platform.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * What a data-owning service declares (one bean) to answer privacy requests; the platform does the rest
 * (consuming, idempotency, tenant, outbox answer, export endpoint). Each method runs as the subject's
 * business inside the platform's transaction.
 */
public interface PrivacyTaskHandler {

    /** Everything this service holds about the subject ({@code CONTACT} or {@code BUSINESS} scope). */
    PrivacyExport export(PrivacySubject subject);

    /**
     * Deletes or anonymises the subject's personal data; returns how many records it changed. Must be
     * idempotent: a second call finds nothing left and returns 0.
     */
    int erase(PrivacySubject subject);

    /**
     * Implemented by a handler that can tell which businesses know a Meta app-scoped user (a contact's
     * external id). Without it, {@link PrivacyTaskHandler#erase} gets a {@code META_USER} request once, as
     * the request's business ({@code EventMetadata.NO_BUSINESS}): for data kept outside any business, or
     * none (return 0).
     */
    interface FindsMetaUsers {

        /**
         * The businesses holding data about this app-scoped user. Runs inside the read-only global lookup
         * {@value PrivacyTasks#META_USER_LOOKUP}, which the service must allow; the platform then calls
         * {@link PrivacyTaskHandler#erase} as each of them.
         */
        Set<UUID> businessesOfMetaUser(String metaUserId);
    }
}
