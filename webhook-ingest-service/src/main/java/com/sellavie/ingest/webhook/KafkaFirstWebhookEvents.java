package com.sellavie.ingest.webhook;

import com.sellavie.platform.outbox.EventRecords;
import com.sellavie.platform.outbox.Outbox;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a transaction's routed events to Kafka (acks=all, idempotent) just before it commits, and writes to the
 * outbox, in that same transaction, every event Kafka has not acknowledged within the timeout: so the webhook's
 * 200 still means each event is durable, in Kafka or in PostgreSQL. A breaker stops the waiting while Kafka is
 * away (every event goes to the outbox at once) and lets a few commits try again after a pause.
 *
 * <p>A webhook whose every route was known in memory is published from its own thread, outside any transaction
 * ({@link #publishNow}): its events are sent and acknowledged the same way, and only what Kafka did not take is
 * written, in a transaction of its own ({@link WebhookCommits}), before the webhook is answered.
 *
 * <p>What this trades, against the outbox alone: an event sent while the commit then fails (a batch whose kept
 * unroutable message could not be written) is in Kafka although its webhook got an error, so Meta's retry brings
 * it again under a new event id; conversation keeps one message per Meta message id, as it does for Meta's own
 * redeliveries. An event that timed out may still land after its outbox copy was written: same event id, which
 * consumers' inboxes drop. And an event sent directly can overtake an earlier one of the same conversation still
 * waiting in the outbox after an outage, as Meta's retries can.
 */
public final class KafkaFirstWebhookEvents implements WebhookEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFirstWebhookEvents.class);
    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final Producer<String, byte[]> producer;
    private final EventRecords records;
    private final Outbox outbox;
    private final WebhookCommits commits;
    private final CircuitBreaker breaker;
    private final long ackTimeoutNanos;
    private final boolean fromRequest;
    // Made once: looking a meter up by its tags on every commit was a measurable cost on ingest's hot path.
    private final Counter toKafka;
    private final Counter toOutboxUnacknowledged;
    private final Counter toOutboxBreakerOpen;

    public KafkaFirstWebhookEvents(Producer<String, byte[]> producer, EventRecords records, Outbox outbox,
            WebhookCommits commits, CircuitBreaker breaker, MeterRegistry meters, KafkaFirstProperties properties) {
        this.producer = producer;
        this.records = records;
        this.outbox = outbox;
        this.commits = commits;
        this.breaker = breaker;
        this.ackTimeoutNanos = properties.ackTimeout().toNanos();
        this.fromRequest = properties.fromRequest();
        this.toKafka = events(meters, "kafka", "acknowledged");
        this.toOutboxUnacknowledged = events(meters, "outbox", "kafka-unacknowledged");
        this.toOutboxBreakerOpen = events(meters, "outbox", "breaker-open");
        breaker.getEventPublisher().onStateTransition(event -> log.warn(
                "Kafka-first delivery breaker {}: {}", event.getStateTransition(),
                event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        ? "webhooks' events go to the outbox without trying Kafka" : "trying Kafka again"));
    }

    /**
     * One event to send: its record, built in the webhook's own context (its trace becomes the {@code traceparent}
     * header), and, when it waits for a transaction's commit, that context, restored if the event goes to the outbox
     * (the commit runs on a group-commit writer, where the webhook's span is no longer current); null when the event
     * is published from the webhook's own thread ({@link WebhookCommits} carries the context to the writer then).
     */
    private record Pending(SpecificRecord event, String key, ProducerRecord<String, byte[]> record,
            ContextSnapshot context) {
    }

    @Override
    public void publish(SpecificRecord event, String key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A webhook's events are published inside its transaction");
        }
        // Encoded now: an event that cannot be encoded fails its own webhook, whichever way it would go.
        pendingOfThisTransaction().add(new Pending(event, key, records.record(event, key), CONTEXT.captureAll()));
    }

    @Override
    public boolean publishesOutsideTransactions() {
        return fromRequest;
    }

    @Override
    public void publishNow(List<Keyed> events) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("publishNow runs outside any transaction; inside one, publish");
        }
        List<Pending> pending = new ArrayList<>(events.size());
        for (Keyed keyed : events) {
            pending.add(new Pending(keyed.event(), keyed.key(), records.record(keyed.event(), keyed.key()), null));
        }
        Unsent unsent = send(pending);
        if (unsent != null) {
            commits.commit(() -> {
                toOutbox(unsent.events(), unsent.reason());
                return null;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private List<Pending> pendingOfThisTransaction() {
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    deliver(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KafkaFirstWebhookEvents.this);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    /** Runs in the transaction, before its commit: whatever Kafka did not take is written to the outbox. */
    private void deliver(List<Pending> pending) {
        Unsent unsent = send(pending);
        if (unsent != null) {
            toOutbox(unsent.events(), unsent.reason());
        }
    }

    /** Events Kafka did not take, and why (the counter they are counted by once in the outbox). */
    private record Unsent(List<Pending> events, Counter reason) {
    }

    /** Sends and waits for the acknowledgements (or not at all while the breaker is open); null when all were. */
    private Unsent send(List<Pending> pending) {
        if (pending.isEmpty()) {
            return null;
        }
        if (!breaker.tryAcquirePermission()) {
            return new Unsent(pending, toOutboxBreakerOpen);
        }
        long started = System.nanoTime();
        List<Pending> unacknowledged = new ArrayList<>();
        Throwable cause = null;
        List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
        try {
            for (Pending p : pending) {
                sends.add(producer.send(p.record()));
            }
        } catch (RuntimeException e) {
            // Kafka's refusals, and a producer already closed while a shutting-down writer commits its last batch:
            // the sends not made are unacknowledged below, so they go to the outbox.
            cause = e;
        }
        for (int i = 0; i < pending.size(); i++) {
            if (i >= sends.size() || !acknowledged(sends.get(i), started)) {
                unacknowledged.add(pending.get(i));
                if (cause == null && i < sends.size()) {
                    cause = failureOf(sends.get(i));
                }
            }
        }
        long elapsed = System.nanoTime() - started;
        if (unacknowledged.isEmpty()) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            toKafka.increment(pending.size());
            return null;
        }
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, cause == null ? new TimeoutException("no acknowledgement") : cause);
        log.warn("Kafka did not acknowledge {} of {} webhook events within {} ms ({}); writing them to the outbox",
                unacknowledged.size(), pending.size(), TimeUnit.NANOSECONDS.toMillis(ackTimeoutNanos), describe(cause));
        toKafka.increment(pending.size() - unacknowledged.size());
        return new Unsent(unacknowledged, toOutboxUnacknowledged);
    }

    private boolean acknowledged(Future<RecordMetadata> send, long started) {
        long left = ackTimeoutNanos - (System.nanoTime() - started);
        try {
            send.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static Throwable failureOf(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return new TimeoutException("no acknowledgement in time");
        }
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static String describe(Throwable cause) {
        return cause == null ? "no acknowledgement" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Counter events(MeterRegistry meters, String path, String reason) {
        return meters.counter("sellavie.ingest.webhook.events", "path", path, "reason", reason);
    }

    private void toOutbox(List<Pending> events, Counter reason) {
        for (Pending p : events) {
            if (p.context() == null) {
                outbox.publish(p.event(), p.key());
                continue;
            }
            try (ContextSnapshot.Scope ignored = p.context().setThreadLocals()) {
                outbox.publish(p.event(), p.key());
            }
        }
        reason.increment(events.size());
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
