package com.sellavie.ai.reply;

import com.sellavie.ai.provider.ProviderException;
import com.sellavie.platform.observability.QueuedWorkTracing;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Works one claimed job, as its business: too old, or the assistant switched off on its channel ->
 * handed to a person (so is one whose business's monthly budget is reached, when that is its policy); otherwise
 * the reply is
 * written (knowledge read, provider chain called, no transaction open) and then published with the
 * job marked DONE in one transaction ({@link ReplyJobOutcomes}). A transient failure is retried later,
 * a permanent one gives the job up at once.
 */
@Component
class ReplyJobWorker {

    private final ReplyGeneration generation;
    private final ReplyJobOutcomes outcomes;
    private final Tenancy tenancy;
    private final ReplyJobProperties properties;
    private final Clock clock;
    private final QueuedWorkTracing tracing;

    ReplyJobWorker(ReplyGeneration generation, ReplyJobOutcomes outcomes, Tenancy tenancy,
            ReplyJobProperties properties, Clock clock, QueuedWorkTracing tracing) {
        this.tracing = tracing;
        this.generation = generation;
        this.outcomes = outcomes;
        this.tenancy = tenancy;
        this.properties = properties;
        this.clock = clock;
    }

    /** In the trace of the ReplyRequested that recorded the job: the reply it publishes continues it. */
    void work(ReplyJob job) {
        tracing.run("sellavie.ai.reply_job", "reply job", job.traceparent(),
                () -> tenancy.runAs(job.businessId(), () -> workAsTenant(job)));
    }

    private void workAsTenant(ReplyJob job) {
        Instant now = clock.instant();
        Duration age = Duration.between(job.request().getOccurredAt(), now);
        if (!properties.replyMaxAge().isZero() && age.compareTo(properties.replyMaxAge()) > 0) {
            outcomes.expired(job, "the request was " + age.toSeconds() + " s old when its turn came (reply-max-age "
                    + properties.replyMaxAge() + "): a late answer would not fit the conversation any more");
            return;
        }
        Answer reply;
        try {
            reply = generation.generate(job.request());
        } catch (AiSwitchedOffException e) {
            outcomes.switchedOff(job, e.getMessage());
            return;
        } catch (BudgetReachedException e) {
            outcomes.budgetReached(job, e.getMessage());
            return;
        } catch (ProviderException e) {
            if (e.failover()) {
                retryOrGiveUp(job, e, now);
            } else {
                outcomes.failed(job, e, "no AI provider can answer this request: " + e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            // The database or a bug of ours: nothing tells us it would fail again, so like a transient one.
            retryOrGiveUp(job, e, now);
            return;
        }
        outcomes.generated(job, reply);
    }

    private void retryOrGiveUp(ReplyJob job, Exception failure, Instant now) {
        Duration delay = properties.backoffAfter(job.attempts());
        Instant horizon = job.createdAt().plus(properties.retryHorizon());
        if (now.plus(delay).isAfter(horizon)) {
            outcomes.failed(job, failure, "no reply within the retry horizon " + properties.retryHorizon()
                    + " (" + job.attempts() + " attempts), last: " + failure.getClass().getSimpleName() + ": "
                    + failure.getMessage());
        } else {
            outcomes.retryLater(job, failure, delay);
        }
    }
}
