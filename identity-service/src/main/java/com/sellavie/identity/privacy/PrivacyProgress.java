package com.sellavie.identity.privacy;

import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.identity.privacy.PrivacyRequest.Outcome;
import com.sellavie.identity.privacy.PrivacyRequest.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one service's {@link PrivacyTaskCompleted} to its request, in the listener's transaction
 * (as the event's business): the service's task takes the answer, and the request becomes COMPLETED
 * once every configured service answered DONE, FAILED while one's last answer is FAILED. An answer
 * that fits no request (unknown id, another kind, a service not waited for) changes nothing: it is
 * logged and counted, not retried (retrying cannot make it fit).
 */
@Component
class PrivacyProgress {

    private static final Logger log = LoggerFactory.getLogger(PrivacyProgress.class);

    private final PrivacyRequests requests;
    private final MeterRegistry meters;

    PrivacyProgress(PrivacyRequests requests, MeterRegistry meters) {
        this.requests = requests;
        this.meters = meters;
    }

    void apply(PrivacyTaskCompleted answer) {
        UUID requestId = answer.getRequestId();
        Optional<PrivacyRequest> found = requests.lock(answer.getBusinessId(), requestId);
        Outcome outcome = outcome(answer.getOutcome());
        if (found.isEmpty() || outcome == null
                || !found.get().kind().name().equals(answer.getRequestKind().toUpperCase(Locale.ROOT))) {
            ignored(answer, found.isEmpty() ? "unknown request" : outcome == null ? "unknown outcome" : "other kind");
            return;
        }
        String detail = outcome == Outcome.FAILED ? answer.getDetail() : null;
        if (!requests.answer(requestId, answer.getService(), outcome, Math.max(0, answer.getItemCount()), detail,
                answer.getOccurredAt())) {
            ignored(answer, "service not waited for");
            return;
        }
        meters.counter("sellavie.privacy.task.results", "service", answer.getService(), "outcome", outcome.name())
                .increment();
        PrivacyRequest request = requests.find(answer.getBusinessId(), requestId).orElseThrow();
        Status status = PrivacyRequest.statusOf(request.tasks());
        if (status != request.status()) {
            requests.setStatus(requestId, status, status == Status.COMPLETED ? Instant.now() : null);
            log.info("Privacy request {} is {} ({} answered {})", requestId, status, answer.getService(), outcome);
        }
        if (outcome == Outcome.FAILED) {
            log.warn("Privacy request {}: {} failed its part: {}", requestId, answer.getService(), answer.getDetail());
        }
    }

    private void ignored(PrivacyTaskCompleted answer, String reason) {
        meters.counter("sellavie.privacy.task.results.ignored", "reason", reason).increment();
        log.warn("Ignored {}'s answer to privacy request {} (event {}): {}", answer.getService(),
                answer.getRequestId(), answer.getEventId(), reason);
    }

    private static Outcome outcome(String value) {
        return switch (value == null ? "" : value.toUpperCase(Locale.ROOT)) {
            case "DONE" -> Outcome.DONE;
            case "FAILED" -> Outcome.FAILED;
            default -> null;
        };
    }
}
