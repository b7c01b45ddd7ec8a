package com.sellavie.ai.reply;

import com.sellavie.ai.messaging.outbound.ReplyMessages;
import com.sellavie.ai.settings.AiSettingsService;
import com.sellavie.ai.usage.UsageLedger;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a worked job ends, each in one short transaction whose first statement ends the job only if it is
 * still PENDING and still this claim's (a claim whose lease ran out may have been taken over), and
 * writes nothing else when it is not: logged and counted in {@code sellavie.ai.replies{outcome}}.
 */
@Component
class ReplyJobOutcomes {

    static final String METRIC = "sellavie.ai.replies";
    private static final Logger log = LoggerFactory.getLogger(ReplyJobOutcomes.class);
    private static final int MAX_REASON = 2000;

    private final ReplyJobs jobs;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AiSettingsService settings;
    private final UsageLedger usage;

    ReplyJobOutcomes(ReplyJobs jobs, Outbox outbox, TransactionTemplate transaction, MeterRegistry meters,
            Clock clock, AiSettingsService settings, UsageLedger usage) {
        this.settings = settings;
        this.usage = usage;
        this.jobs = jobs;
        this.outbox = outbox;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The reply is published, its usage recorded (and published) and the job DONE, together: a reply
     * is counted exactly once, whatever is redelivered or retried.
     */
    void generated(ReplyJob job, Answer answer) {
        ReplyGenerated reply = answer.event();
        if (publishIfStillOurs(job, reply, () -> jobs.markDoneIfStillOurs(job), () -> {
            if (answer.modelCalled()) {
                usage.record(job.request(), reply, answer.usage(), answer.budgetFallback(), answer.usageZone());
            }
        })) {
            count("generated");
            log.debug("Published reply {} for {}", reply.getEventId(), job);
        }
    }

    /**
     * The business's monthly budget is reached and it hands replies to a person: DONE without a model
     * call, a HANDOFF whose text says only that the team has the message (which the handoff makes
     * true), and the alert: ERROR log and {@code sellavie.ai.replies{outcome=budget_handoff}}.
     */
    void budgetReached(ReplyJob job, String reason) {
        String text = FallbackMessage.forCustomer(job.request().getTriggerText(), fixedLanguage(job));
        ReplyGenerated handoff = ReplyMessages.handoff(job.request(), text, "ai-service did not answer: " + reason,
                clock.instant());
        if (publishIfStillOurs(job, handoff, () -> jobs.markDoneIfStillOurs(job))) {
            count("budget_handoff");
            log.error("Not answering {}: {}; the conversation is handed to a person", job, reason);
        }
    }

    /** Worth another try after {@code delay}; the job is PENDING again. */
    void retryLater(ReplyJob job, Exception failure, Duration delay) {
        boolean ours = jobs.reschedule(job, delay, reason(failure.getClass().getSimpleName() + ": "
                + failure.getMessage()));
        if (ours) {
            count("retried");
            log.warn("No reply yet for {}: {}: {}; retrying in {}", job, failure.getClass().getName(),
                    failure.getMessage(), delay);
        } else {
            lost(job);
        }
    }

    /**
     * Given up: FAILED, and a person is asked to take over: a HANDOFF reply whose text tells the
     * customer, in their language, that their message went to the team (which the handoff makes true).
     * ERROR log and {@code sellavie.ai.replies{outcome=failed}}: the alert of an exhausted chain.
     */
    void failed(ReplyJob job, Exception failure, String reason) {
        String apology = FallbackMessage.forCustomer(job.request().getTriggerText(), fixedLanguage(job));
        if (giveUp(job, "FAILED", reason, apology)) {
            count("failed");
            log.error("Gave up replying to {}: {}; the conversation is handed to a person", job, reason, failure);
        }
    }

    /**
     * Too old to answer: EXPIRED, the model is not called, a person is asked to take over (no text: an
     * apology this late would only interrupt the conversation).
     */
    void expired(ReplyJob job, String reason) {
        if (giveUp(job, "EXPIRED", reason, "")) {
            count("expired");
            log.error("Not answering {}: {}; the conversation is handed to a person", job, reason);
        }
    }

    /**
     * The business switched the assistant off on this channel kind: DONE without a model call, and a
     * person takes the conversation (a HANDOFF without text: the team answers, not an apology).
     */
    void switchedOff(ReplyJob job, String reason) {
        ReplyGenerated handoff = ReplyMessages.handoff(job.request(), "", reason, clock.instant());
        if (publishIfStillOurs(job, handoff, () -> jobs.markDoneIfStillOurs(job))) {
            count("switched_off");
            log.info("Not answering {}: {}; the conversation is handed to a person", job, reason);
        }
    }

    /** The business's fixed reply language, if it set one; null when unknown (e.g. the database is down). */
    private String fixedLanguage(ReplyJob job) {
        try {
            return settings.fixedLanguage(job.businessId()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not read the AI settings of business {} for the apology's language: {}", job.businessId(),
                    e.toString());
            return null;
        }
    }

    private boolean giveUp(ReplyJob job, String status, String reason, String customerText) {
        String stored = reason(reason);
        ReplyGenerated handoff = ReplyMessages.handoff(job.request(), customerText,
                "ai-service could not answer: " + stored, clock.instant());
        return publishIfStillOurs(job, handoff, () -> jobs.markGivenUpIfStillOurs(job, status, stored));
    }

    private boolean publishIfStillOurs(ReplyJob job, ReplyGenerated reply, BooleanSupplier end) {
        return publishIfStillOurs(job, reply, end, () -> { });
    }

    /** Ends the job with {@code end} and, if it was still ours, publishes the reply and runs {@code also}. */
    private boolean publishIfStillOurs(ReplyJob job, ReplyGenerated reply, BooleanSupplier end, Runnable also) {
        boolean ours = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!end.getAsBoolean()) {
                return false;
            }
            outbox.publish(reply, job.conversationId().toString());
            also.run();
            return true;
        }));
        if (!ours) {
            lost(job);
        }
        return ours;
    }

    private void lost(ReplyJob job) {
        count("superseded");
        log.warn("Dropped the result of {}: its claim ran out and the job was taken over or finished meanwhile", job);
    }

    private void count(String outcome) {
        meters.counter(METRIC, "outcome", outcome).increment();
    }

    private static String reason(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
