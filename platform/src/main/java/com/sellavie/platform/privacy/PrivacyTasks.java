package com.sellavie.platform.privacy;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.platform.inbox.Inbox;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one privacy request through the service's {@link PrivacyTaskHandler} and answers it: once per
 * event (inbox), as the subject's business, with {@code PrivacyTaskCompleted} written through the outbox
 * in the transaction of the erasure. A permanent failure rolls the work back and answers FAILED (the
 * exception's type as the cause: a message could quote personal data); a transient one (database or
 * broker away) is rethrown for the listener's retry.
 */
public class PrivacyTasks {

    /** The global lookup a service allows so META_USER erasures can find the user's businesses. */
    public static final String META_USER_LOOKUP = "privacy-meta-user";
    static final String EXPORT = "EXPORT";
    static final String ERASURE = "ERASURE";

    private static final Logger log = LoggerFactory.getLogger(PrivacyTasks.class);

    private final PrivacyTaskHandler handler;
    private final PrivacyExportRequests exports;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final String service;
    private final Clock clock = Clock.systemUTC();

    PrivacyTasks(PrivacyTaskHandler handler, PrivacyExportRequests exports, Inbox inbox, Outbox outbox,
            Tenancy tenancy, TransactionTemplate transaction, MeterRegistry meters, String service) {
        this.handler = handler;
        this.exports = exports;
        this.inbox = inbox;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transaction = transaction;
        this.meters = meters;
        this.service = service;
    }

    void export(String consumerGroup, DataExportRequested request) {
        PrivacySubject subject = new PrivacySubject(uuid(request.getRequestId()), uuid(request.getBusinessId()),
                PrivacyScope.valueOf(request.getScope()), uuid(request.getContactId()), null);
        answerOnce(consumerGroup, EventMetadata.of(request), EXPORT, subject.requestId(), () -> {
            exports.remember(subject);
            return tenancy.callAs(subject.businessId(), () -> handler.export(subject).itemCount());
        });
    }

    void erase(String consumerGroup, DataErasureRequested request) {
        PrivacySubject subject = new PrivacySubject(uuid(request.getRequestId()), uuid(request.getBusinessId()),
                PrivacyScope.valueOf(request.getScope()), uuid(request.getContactId()), request.getMetaUserId());
        answerOnce(consumerGroup, EventMetadata.of(request), ERASURE, subject.requestId(), () -> erase(subject));
    }

    private int erase(PrivacySubject subject) {
        if (subject.scope() != PrivacyScope.META_USER) {
            return tenancy.callAs(subject.businessId(), () -> handler.erase(subject));
        }
        if (!(handler instanceof PrivacyTaskHandler.FindsMetaUsers directory)) {
            // Data this service keeps outside any business (e.g. unroutable webhooks), or nothing.
            return tenancy.callAs(subject.businessId(), () -> handler.erase(subject));
        }
        Set<UUID> businesses = tenancy.globalLookup(META_USER_LOOKUP,
                () -> directory.businessesOfMetaUser(subject.metaUserId()));
        int erased = 0;
        for (UUID business : businesses) {
            PrivacySubject inBusiness = PrivacySubject.metaUser(subject.requestId(), business, subject.metaUserId());
            erased += tenancy.callAs(business, () -> handler.erase(inBusiness));
        }
        return erased;
    }

    private void answerOnce(String group, EventMetadata cause, String kind, UUID requestId, IntSupplier task) {
        try {
            transaction.executeWithoutResult(status -> {
                if (inbox.firstDelivery(group, cause.eventId())) {
                    int count = task.getAsInt();
                    outbox.publish(completed(cause, requestId, kind, "DONE", count, null), requestId.toString());
                    count(kind, "DONE");
                }
            });
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw e;
            }
            log.error("Privacy {} {} failed in {}; answering FAILED", kind, requestId, service, e);
            transaction.executeWithoutResult(status -> {
                if (inbox.firstDelivery(group, cause.eventId())) {
                    outbox.publish(completed(cause, requestId, kind, "FAILED", 0, e.getClass().getSimpleName()),
                            requestId.toString());
                    count(kind, "FAILED");
                }
            });
        }
    }

    private PrivacyTaskCompleted completed(EventMetadata cause, UUID requestId, String kind, String outcome,
            int count, String detail) {
        EventMetadata meta = EventMetadata.causedBy(cause, clock.instant());
        return PrivacyTaskCompleted.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setRequestId(requestId)
                .setRequestKind(kind)
                .setService(service)
                .setOutcome(outcome)
                .setItemCount(count)
                .setDetail(detail)
                .build();
    }

    private void count(String kind, String outcome) {
        meters.counter("sellavie.privacy.tasks", "kind", kind, "outcome", outcome).increment();
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }
}
