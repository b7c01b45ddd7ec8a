package com.sellavie.platform.test;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a test's own serde call again when the schema registry did not answer its lookup, as the services'
 * consumers and relays do through their error handlers. The registry client closes a connection that carries
 * no byte for its idle timeout (10 s), failing the request with Vert.x's {@code HttpClosedException}; the test
 * registry, one C1-only process beside another module's test JVM on two cores, has gone that long without
 * answering in CI (docs/reliability.md, "CI time"). A test's producer, probe or consumer has no error handler
 * around it, so it retries here; any other failure (a schema the registry does not know, bytes not in the wire
 * format, an assertion) fails at once.
 */
public final class UnansweredLookups {

    // By name: the serde brings Vert.x to the modules that use it; this module does not need it otherwise.
    static final String UNANSWERED = "io.vertx.core.http.HttpClosedException";

    private static final Logger log = LoggerFactory.getLogger(UnansweredLookups.class);
    private static final Retry RETRY = Retry.of("schema-registry-lookup", RetryConfig.custom()
            .maxAttempts(3)
            .waitDuration(Duration.ofSeconds(1))
            .retryOnException(UnansweredLookups::unanswered)
            .build());

    static {
        RETRY.getEventPublisher().onRetry(event -> log.warn("The schema registry did not answer a lookup (attempt {}); retrying",
                event.getNumberOfRetryAttempts(), event.getLastThrowable()));
    }

    private UnansweredLookups() {
    }

    /** {@code call}'s result, the call made again (up to three times in all) while the registry does not answer it. */
    public static <T> T retried(Supplier<T> call) {
        return Retry.decorateSupplier(RETRY, call).get();
    }

    /**
     * The records of one poll, polled again when a value's schema lookup went unanswered: the consumer stays at
     * the record it could not decode (Kafka's {@code RecordDeserializationException}), so the next poll decodes
     * it again.
     */
    public static <K, V> ConsumerRecords<K, V> poll(Consumer<K, V> consumer, Duration timeout) {
        return retried(() -> consumer.poll(timeout));
    }

    public static boolean unanswered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(UNANSWERED)) {
                return true;
            }
        }
        return false;
    }
}
