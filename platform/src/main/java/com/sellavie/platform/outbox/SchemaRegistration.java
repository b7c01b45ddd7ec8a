package com.sellavie.platform.outbox;

import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.registry.SchemaRegistrar;
import com.sellavie.schemas.registry.SchemaRegistrationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Registers every event schema from the generated classes, so that inside a business transaction
 * the serializer only looks up ids it then caches. Idempotent.
 *
 * <p>The first attempt runs during start-up. A registry that cannot be reached (or answers 5xx,
 * 429, 408) never stops the start-up: the attempt is repeated in the background with exponential
 * backoff until it succeeds, and {@link #state()} (the {@code schemaRegistry} health, part of
 * readiness) says {@code PENDING} meanwhile: the service cannot publish an event before the ids are
 * known, so it is not ready. Once {@code REGISTERED}, it stays so for good: a later registry outage
 * changes nothing, the outbox's serializer encodes with the ids learned here ({@link SchemaIds}).
 *
 * <p>A schema the registry refuses (an incompatible change, HTTP 409, or any other 4xx) is
 * {@code REFUSED}: logged at ERROR, never retried, and the health is DOWN with the reason, so the
 * instance never becomes ready and a rolling deployment stops there, as it would on a failed
 * start-up, without restarting the instance in a loop.
 */
class SchemaRegistration implements InitializingBean, DisposableBean {

    /** Where registration stands. */
    enum State { PENDING, REGISTERED, REFUSED, DISABLED }

    /** What the health indicator shows. */
    record Status(State state, int schemas, int attempts, String lastError, Instant nextAttempt) {
    }

    static final String FAILURES = "sellavie.schema.registration.failures";

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistration.class);

    private final Function<Collection<Topic>, Map<String, Long>> registrar;
    private final Collection<Topic> topics;
    private final MeterRegistry meters;
    private final SchemaIds registeredIds;
    private final ScheduledExecutorService retries;
    private final BackOff backOff;
    private BackOffExecution waits;
    private volatile Status status;

    SchemaRegistration(Function<Collection<Topic>, Map<String, Long>> registrar, Collection<Topic> topics,
            BackOff backOff, MeterRegistry meters, SchemaIds registeredIds) {
        this.registeredIds = registeredIds;
        this.registrar = registrar;
        this.topics = topics;
        this.meters = meters;
        this.backOff = backOff;
        this.waits = backOff.start();
        this.status = new Status(State.PENDING, 0, 0, null, null);
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schema-registration");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A registration that is switched off ({@code sellavie.schema-registry.register-on-startup=false}). */
    static Status disabled() {
        return new Status(State.DISABLED, 0, 0, null, null);
    }

    Status state() {
        return status;
    }

    @Override
    public void afterPropertiesSet() {
        attempt();
    }

    private void attempt() {
        int attempts = status.attempts() + 1;
        try {
            Map<String, Long> ids = registrar.apply(topics);
            registeredIds.putAll(ids);
            status = new Status(State.REGISTERED, ids.size(), attempts, null, null);
            if (attempts > 1) {
                log.info("Registered {} event schemas after {} attempts; the service can publish", ids.size(), attempts);
            }
        } catch (RuntimeException e) {
            if (isRetryable(e)) {
                retryLater(attempts, e);
            } else {
                refuse(attempts, e);
            }
        }
    }

    private static boolean isRetryable(RuntimeException e) {
        if (e instanceof SchemaRegistrationException refused && refused.status() >= 0) {
            // The registry answered: only an overloaded or failing registry is worth asking again.
            return refused.status() >= 500 || refused.status() == 429 || refused.status() == 408;
        }
        return e instanceof SchemaRegistrationException || FailureClassifier.isTransient(e);
    }

    private void retryLater(int attempts, RuntimeException e) {
        long wait = waits.nextBackOff();
        if (wait == BackOffExecution.STOP) {
            // Registration is retried for as long as the service runs: a bounded back-off starts over.
            waits = backOff.start();
            wait = waits.nextBackOff();
        }
        Instant next = Instant.now().plusMillis(wait);
        status = new Status(State.PENDING, 0, attempts, describe(e), next);
        count("retrying");
        log.warn("Could not register the event schemas (attempt {}): {}; the service is not ready until they are, "
                + "next attempt in {} ms", attempts, describe(e), wait);
        retries.schedule(this::attempt, wait, TimeUnit.MILLISECONDS);
    }

    private void refuse(int attempts, RuntimeException e) {
        status = new Status(State.REFUSED, 0, attempts, describe(e), null);
        count("refused");
        log.error("The schema registry refused an event schema: {}. This instance will not become ready; fix the "
                + "schema (compatibility rule {}) and redeploy", describe(e),
                SchemaRegistrar.COMPATIBILITY, e);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? described : described + " (cause " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }

    private void count(String outcome) {
        Counter.builder(FAILURES)
                .description("Failed attempts to register the event schemas, by what happens next")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
