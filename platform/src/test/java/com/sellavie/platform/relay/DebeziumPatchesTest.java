package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.base.ChangeEventQueueMetrics;
import io.debezium.connector.base.QueueProvider;
import io.debezium.connector.postgresql.PostgresConnector;
import io.debezium.data.Envelope;
import io.debezium.pipeline.Sizeable;
import io.debezium.pipeline.meters.CommonEventMeter;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.relational.TableId;
import io.debezium.spi.schema.DataCollectionId;
import io.debezium.util.Clock;
import io.debezium.util.LoggingContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * Platform's copies of Debezium's {@link ChangeEventQueue} and {@link CommonEventMeter}: loaded instead of the
 * library's, made from the Debezium version on the classpath; a queued change is handed over at once, an idle poll
 * waits without spinning, and an event's summary is formatted only when the last event is asked for.
 */
class DebeziumPatchesTest {

    /** The version the copy was made from; a Debezium upgrade fails here until the patch is re-applied or dropped. */
    private static final String PATCHED_VERSION = "3.6.1.Final";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    @Test
    void platformsCopiesAreTheOnesLoaded() {
        assertThat(DebeziumPatches.notActive()).isEmpty();
    }

    @Test
    void theCopyIsOfTheDebeziumVersionOnTheClasspath() throws IOException {
        // An unpatched class of the same jar tells which Debezium is there.
        assertThat(version(ChangeEventQueueMetrics.class, "debezium-connector-common"))
                .as("platform's ChangeEventQueue and CommonEventMeter are patched copies of %s's: diff it with the new version's class,"
                        + " then re-apply the patch or drop it", PATCHED_VERSION)
                .isEqualTo(PATCHED_VERSION);
        assertThat(version(PostgresConnector.class, "debezium-connector-postgres"))
                .as("platform's PostgresStreamingChangeEventSource is a patched copy of %s's: diff it with the new version's"
                        + " class, then re-apply the patch or drop it", PATCHED_VERSION)
                .isEqualTo(PATCHED_VERSION);
    }

    private static String version(Class<?> inJar, String artifact) throws IOException {
        Properties pom = new Properties();
        try (InputStream in = inJar.getResourceAsStream("/META-INF/maven/io.debezium/" + artifact + "/pom.properties")) {
            assertThat(in).as("%s's pom.properties", artifact).isNotNull();
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    @Test
    void anIdlePollWaitsOutItsIdleWaitWithoutSpinning() throws InterruptedException {
        CountingQueue provider = new CountingQueue();
        ChangeEventQueue<Change> queue = queue(provider, 2048);
        int polls = 4;

        long started = System.nanoTime();
        for (int i = 0; i < polls; i++) {
            assertThat(queue.poll()).isEmpty();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // An empty queue waits its idle wait (longer than the 20-ms poll interval) for a first change...
        assertThat(ChangeEventQueue.IDLE_WAIT).isGreaterThan(POLL_INTERVAL);
        assertThat(took).isGreaterThanOrEqualTo(ChangeEventQueue.IDLE_WAIT.multipliedBy(polls));
        // ...looking at the queue once per wake-up: a handful of times per poll. Debezium 3.6.1's own class
        // spins through the interval's last millisecond and looks thousands of times per poll.
        assertThat(provider.sizeCalls.get()).isLessThan(10L * polls);
    }

    @Test
    void aChangeIsHandedOverAsSoonAsItIsQueued() throws Exception {
        // A poll interval far longer than the hand-over may take: Debezium's own class waits it out for a batch.
        ChangeEventQueue<Change> queue = queue(new CountingQueue(), 2048, Duration.ofSeconds(4));
        CompletableFuture<Long> polled = CompletableFuture.supplyAsync(() -> {
            try {
                List<Change> changes = queue.poll();
                assertThat(changes).hasSize(1);
                return System.nanoTime();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        long queued = System.nanoTime();
        queue.enqueue(new Change());

        long handedOver = polled.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(handedOver - queued)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPollHandsOverWhatIsQueuedWithoutWaitingForABatch() throws InterruptedException {
        ChangeEventQueue<Change> queue = queue(new CountingQueue(), 2048, Duration.ofSeconds(4));
        queue.enqueue(new Change());
        queue.enqueue(new Change());

        long started = System.nanoTime();
        assertThat(queue.poll()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPollHandsOverWhatIsQueuedUpToABatch() throws InterruptedException {
        ChangeEventQueue<Change> queue = queue(new CountingQueue(), 2);
        queue.enqueue(new Change());
        queue.enqueue(new Change());
        queue.enqueue(new Change());

        assertThat(queue.poll()).hasSize(2);
        assertThat(queue.poll()).hasSize(1);
        assertThat(queue.poll()).isEmpty();
    }

    @Test
    void anEventsSummaryIsFormattedOnlyWhenTheLastEventIsRead() {
        CountingSummaries summaries = new CountingSummaries();
        CommonEventMeter meter = new CommonEventMeter(Clock.system(), summaries);
        assertThat(meter.getLastEvent()).isNull();

        for (int i = 1; i <= 100; i++) {
            meter.onEvent(new TableId(null, "public", "outbox"), null, "key-" + i, null, Envelope.Operation.CREATE);
        }

        assertThat(summaries.formatted.get()).as("summaries formatted while events flow").isZero();
        assertThat(meter.getTotalNumberOfEventsSeen()).isEqualTo(100);
        assertThat(meter.getTotalNumberOfCreateEventsSeen()).isEqualTo(100);
        assertThat(meter.getLastEvent()).isEqualTo("public.outbox key-100");
        assertThat(summaries.formatted.get()).isEqualTo(1);

        meter.reset();
        assertThat(meter.getLastEvent()).isNull();
    }

    /** A connector's metadata provider whose summary names the table and the key, counting its calls. */
    private static final class CountingSummaries implements EventMetadataProvider {

        private final AtomicLong formatted = new AtomicLong();

        @Override
        public Instant getEventTimestamp(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }

        @Override
        public Map<String, String> getEventSourcePosition(DataCollectionId source, OffsetContext offset, Object key,
                Struct value) {
            return null;
        }

        @Override
        public String getTransactionId(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            return null;
        }

        @Override
        public String toSummaryString(DataCollectionId source, OffsetContext offset, Object key, Struct value) {
            formatted.incrementAndGet();
            return source.identifier() + " " + key;
        }
    }

    private static ChangeEventQueue<Change> queue(CountingQueue provider, int maxBatchSize) {
        return queue(provider, maxBatchSize, POLL_INTERVAL);
    }

    private static ChangeEventQueue<Change> queue(CountingQueue provider, int maxBatchSize, Duration pollInterval) {
        return new ChangeEventQueue.Builder<Change>()
                .pollInterval(pollInterval)
                .maxBatchSize(maxBatchSize)
                .maxQueueSize(maxBatchSize * 4)
                .loggingContextSupplier(() -> LoggingContext.forConnector("postgres", "test", "streaming"))
                .queueProvider(provider)
                .build();
    }

    private record Change() implements Sizeable {
        @Override
        public long objectSize() {
            return 1;
        }
    }

    /** Debezium's in-memory queue, counting how often the poll loop looks at it. */
    private static final class CountingQueue implements QueueProvider<Change> {

        private final ArrayDeque<Change> changes = new ArrayDeque<>();
        private final AtomicLong sizeCalls = new AtomicLong();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void configure(Map<String, ?> properties) {
        }

        @Override
        public void enqueue(Change change) {
            changes.add(change);
        }

        @Override
        public Change poll() {
            return changes.poll();
        }

        @Override
        public int size() {
            sizeCalls.incrementAndGet();
            return changes.size();
        }
    }
}
