package com.sellavie.identity.privacy;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.privacy.PrivacyExceptions.NotRetryableException;
import com.sellavie.identity.privacy.PrivacyExceptions.RequestNotFoundException;
import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.identity.privacy.PrivacyRequest.Outcome;
import com.sellavie.identity.privacy.PrivacyRequest.Scope;
import com.sellavie.identity.privacy.PrivacyRequest.Source;
import com.sellavie.identity.privacy.PrivacyRequest.Status;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.schemas.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts privacy requests and retries them: the request, a PENDING task per configured service,
 * identity's own answer and the event on {@code identity.privacy-requests} commit together.
 */
@Service
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyDesk {

    private static final Logger log = LoggerFactory.getLogger(PrivacyDesk.class);

    private final PrivacyRequests requests;
    private final IdentityPrivacyPart identityPart;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final PrivacyProperties properties;
    private final Clock clock = Clock.systemUTC();

    PrivacyDesk(PrivacyRequests requests, IdentityPrivacyPart identityPart, Outbox outbox, Tenancy tenancy,
            TransactionTemplate transactions, PrivacyProperties properties) {
        this.requests = requests;
        this.identityPart = identityPart;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** An OWNER's export or erasure of one contact ({@code contactId}) or of the whole business (null). */
    PrivacyRequest start(UUID businessId, UUID ownerId, Kind kind, UUID contactId) {
        Scope scope = contactId == null ? Scope.BUSINESS : Scope.CONTACT;
        PrivacyRequest request = new PrivacyRequest(UuidCreator.getTimeOrderedEpoch(), businessId, kind, scope,
                contactId, null, Source.CONSOLE, ownerId, Status.PENDING, null, now(), null, List.of());
        PrivacyRequest started = open(request);
        log.info("Business {}: user {} asked for {} {} (request {})", businessId, ownerId, kind, scope, request.id());
        return started;
    }

    /**
     * Meta's callback for an app-scoped user: an erasure across every business (NO_BUSINESS), with a
     * public confirmation code. The Meta user id is not logged.
     */
    public MetaErasure startMetaErasure(String metaUserId, boolean dataDeletion) {
        String code = ConfirmationCodes.generate();
        PrivacyRequest request = new PrivacyRequest(UuidCreator.getTimeOrderedEpoch(), EventMetadata.NO_BUSINESS,
                Kind.ERASURE, Scope.META_USER, null, metaUserId,
                dataDeletion ? Source.META_DATA_DELETION : Source.META_DEAUTHORIZE, null, Status.PENDING, code, now(),
                null, List.of());
        open(request);
        log.info("Meta {} callback: erasure request {} started", request.source(), request.id());
        return new MetaErasure(request.id(), code);
    }

    /** Publishes a failed erasure again with the same requestId; the failed parts wait for a new answer. */
    PrivacyRequest retry(UUID businessId, UUID id) {
        return tenancy.callAs(businessId, () -> transactions.execute(status -> {
            PrivacyRequest request = requests.lock(businessId, id)
                    .filter(found -> found.kind() == Kind.ERASURE)
                    .orElseThrow(RequestNotFoundException::new);
            if (request.status() != Status.FAILED) {
                throw new NotRetryableException("Only a failed erasure can be retried; this one is "
                        + request.status() + ".");
            }
            requests.resetFailedTasks(id);
            requests.setStatus(id, Status.PENDING, null);
            outbox.publish(PrivacyEvents.erasureRequested(request, now()), businessId.toString());
            log.info("Business {}: erasure request {} retried", businessId, id);
            return requests.find(businessId, id).orElseThrow();
        }));
    }

    PrivacyRequest find(UUID businessId, UUID id, Kind kind) {
        return tenancy.callAs(businessId, () -> requests.find(businessId, id))
                .filter(request -> kind == null || request.kind() == kind)
                .orElseThrow(RequestNotFoundException::new);
    }

    /**
     * The progress of the Meta erasure {@code code} names, without personal data (no user id, no
     * detail): for the public status page. Empty for an unknown or malformed code.
     */
    public java.util.Optional<DeletionStatus> deletionStatus(String code) {
        if (!ConfirmationCodes.wellFormed(code)) {
            return java.util.Optional.empty();
        }
        return requests.byConfirmationCode(code).map(request -> new DeletionStatus(request.status().name(),
                request.createdAt(), request.completedAt(),
                (int) request.tasks().stream().filter(task -> task.outcome() == Outcome.DONE).count(),
                request.tasks().size()));
    }

    List<PrivacyRequest> list(UUID businessId) {
        return tenancy.callAs(businessId, () -> requests.list(businessId, properties.listLimit()));
    }

    private PrivacyRequest open(PrivacyRequest request) {
        return tenancy.callAs(request.businessId(), () -> transactions.execute(tx -> {
            requests.add(request, properties.services());
            if (properties.services().contains(PrivacyProperties.IDENTITY)) {
                int items = identityPart.perform(request);
                requests.answer(request.id(), PrivacyProperties.IDENTITY, Outcome.DONE, items, null, now());
            }
            PrivacyRequest stored = requests.find(request.businessId(), request.id()).orElseThrow();
            Status status = PrivacyRequest.statusOf(stored.tasks());
            if (status == Status.COMPLETED) {
                requests.setStatus(request.id(), status, now());
            }
            outbox.publish(request.kind() == Kind.EXPORT ? PrivacyEvents.exportRequested(request, now())
                    : PrivacyEvents.erasureRequested(request, now()), request.businessId().toString());
            return requests.find(request.businessId(), request.id()).orElseThrow();
        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A Meta erasure's public progress: how many of the services finished their part. */
    public record DeletionStatus(String status, Instant requestedAt, Instant completedAt, int servicesDone,
            int servicesTotal) {
    }

    /** The erasure a Meta callback started, and the code its status page answers to. */
    public record MetaErasure(UUID requestId, String confirmationCode) {
    }
}
