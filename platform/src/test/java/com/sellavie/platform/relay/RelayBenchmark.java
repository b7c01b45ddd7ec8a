package com.sellavie.platform.relay;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.outbox.TestOutboxes;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relay benchmarks on the real stack (embedded PostgreSQL, in-JVM KRaft broker, Apicurio), run by the
 * {@code bench} Maven profile, not by the tests:
 * <ol>
 * <li>idle cost: the CPU time the relay's threads (Debezium's WAL reader, its engine's poller, the relay producer) use
 *     in 20 s without a change;</li>
 * <li>latency: one event per transaction at a steady 1,000 events/s ({@code -Dbench.latencyRates=20,1000} for
 *     several); commit to readable by a consumer;</li>
 * <li>throughput: batches of 100 events per transaction, written as fast as two writers can, for 30 s;
 *     events/s the consumer receives over that window, and how long the relay needs to catch up.</li>
 * </ol>
 * Writes its results to {@code target/relay-benchmark.md}.
 */
public final class RelayBenchmark {

    private static final Logger log = LoggerFactory.getLogger(RelayBenchmark.class);
    private static final String TOPIC = Topics.of(InboundMessageReceived.class).name();
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final List<Integer> LATENCY_RATES = Arrays.stream(System.getProperty("bench.latencyRates", "1000")
            .split(",")).map(String::trim).filter(r -> !r.isEmpty()).map(Integer::valueOf).toList();
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final int BATCH = 100;
    private static final int WRITERS = 2;

    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean consuming = true;

    public static void main(String[] args) throws Exception {
        new RelayBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        String url = postgres.createDatabase("relay_bench");
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId("bench");
        // The production defaults unless a run overrides them.
        settings.setPollInterval(Duration.ofMillis(Long.getLong("bench.pollMs", settings.getPollInterval().toMillis())));
        settings.setMaxBatchSize(Integer.getInteger("bench.maxBatch", settings.getMaxBatchSize()));
        settings.setMaxQueueSize(Integer.getInteger("bench.maxQueue", settings.getMaxQueueSize()));
        String linger = System.getProperty("bench.linger", "");
        if (!linger.isBlank()) {
            settings.getProducer().put(ProducerConfig.LINGER_MS_CONFIG, linger);
        }
        try (SingleConnectionDataSource setup = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true)) {
            PlatformMigrations.migrate(setup);
            // The test server runs synchronous_commit=off for speed: a commit's WAL then reaches disk (and
            // logical decoding, which reads only flushed WAL) up to wal_writer_delay (200 ms) later.
            // Production runs PostgreSQL's default, on; so does this benchmark.
            new JdbcTemplate(setup).execute(
                    "ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "")
                            + " SET synchronous_commit = on");
        }
        Thread consumer = startConsumer();
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, postgres.user(), postgres.password()), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
        relay.start();
        while (!relay.state().streaming()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        StringBuilder report = new StringBuilder();
        Object lingerMs = RelayProducers.config(Map.of(), settings.getProducer(), "bench").get(ProducerConfig.LINGER_MS_CONFIG);
        report.append(String.format("settings: synchronous_commit=on, poll.interval.ms=%d, max.batch.size=%d, max.queue.size=%d, producer linger.ms=%s "
                + "batch.size=%dKiB acks=all idempotent%n", settings.getPollInterval().toMillis(),
                settings.getMaxBatchSize(), settings.getMaxQueueSize(), lingerMs, RelayProducers.BATCH_SIZE_BYTES / 1024));
        report.append(idleCost());
        for (int rate : LATENCY_RATES) {
            report.append(latency(url, postgres, rate));
        }
        report.append(throughput(url, postgres));
        relay.stop();
        consuming = false;
        consumer.join(5000);
        Files.writeString(Path.of("target", "relay-benchmark.md"), report);
        log.info("Relay benchmark results:\n{}", report);
    }

    /** CPU time of the relay's own threads while no change arrives, after a few seconds to settle. */
    private String idleCost() {
        LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = relayThreadCpu(threads);
        LockSupport.parkNanos(IDLE.toNanos());
        Map<Long, Long> after = relayThreadCpu(threads);
        long used = after.entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        return String.format("idle: the relay's %d threads used %.2f ms of CPU per second over %d s without a change%n",
                after.size(), used / 1e6 / IDLE.toSeconds(), IDLE.toSeconds());
    }

    /** Thread id to CPU nanoseconds of Debezium's threads (named, or running its engine) and the relay producer's. */
    private static Map<Long, Long> relayThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 64)) {
            if (info == null) {
                continue;
            }
            boolean relays = info.getThreadName().startsWith("debezium-")
                    || info.getThreadName().contains("sellavie-relay")
                    || Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("io.debezium.embedded"));
            if (relays) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private String latency(String url, TestPostgres postgres, int rate) throws Exception {
        String run = "lat-" + UUID.randomUUID() + ":";
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true)) {
            Outbox outbox = TestOutboxes.jdbcOutbox(ds, TestSchemaRegistry.baseUrl());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            int warmUp = (int) (WARM_UP.toSeconds() * rate);
            int measured = (int) (MEASURE.toSeconds() * rate);
            long[] committedAt = new long[warmUp + measured];
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            int late = 0;
            for (int n = 0; n < committedAt.length; n++) {
                long due = start + n * interval;
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                } else if (now - due > 10_000_000L) {
                    late++;
                }
                int number = n;
                tx.executeWithoutResult(s -> outbox.publish(Events.inboundMessage(Integer.toString(number)), run + number));
                committedAt[n] = System.nanoTime();
            }
            double achievedRate = committedAt.length / ((committedAt[committedAt.length - 1] - start) / 1e9);
            awaitArrivals(run, committedAt.length, Duration.ofSeconds(60));
            long[] latencies = new long[measured];
            for (int i = 0; i < measured; i++) {
                int n = warmUp + i;
                latencies[i] = arrivals.get(run + n) - committedAt[n];
            }
            Arrays.sort(latencies);
            return String.format("latency (commit -> readable by a consumer), %d events at %d/s after %d s warm-up "
                    + "(achieved %.0f/s, %d writes >10 ms late): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    measured, rate, WARM_UP.toSeconds(), achievedRate, late, ms(percentile(latencies, 50)),
                    ms(percentile(latencies, 95)), ms(percentile(latencies, 99)), ms(latencies[latencies.length - 1]));
        }
    }

    private String throughput(String url, TestPostgres postgres) throws Exception {
        String run = "tput-" + UUID.randomUUID() + ":";
        AtomicLong written = new AtomicLong();
        long receivedBefore = received.get();
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true)) {
                    Outbox outbox = TestOutboxes.jdbcOutbox(ds, TestSchemaRegistry.baseUrl());
                    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
                    int n = 0;
                    while (System.nanoTime() < end) {
                        int first = n;
                        tx.executeWithoutResult(s -> {
                            for (int i = first; i < first + BATCH; i++) {
                                outbox.publish(Events.inboundMessage(Integer.toString(i)), run + writer + "-" + i);
                            }
                        });
                        n += BATCH;
                        written.addAndGet(BATCH);
                    }
                }
            }, "bench-writer-" + w);
            thread.start();
            writers.add(thread);
        }
        for (Thread thread : writers) {
            thread.join();
        }
        long writeEnd = System.nanoTime();
        long relayedInWindow = received.get() - receivedBefore;
        double writeSeconds = (writeEnd - start) / 1e9;
        long total = written.get();
        awaitArrivals(run, total, Duration.ofMinutes(5));
        double allSeconds = (System.nanoTime() - start) / 1e9;
        return String.format("throughput, %d writers x batches of %d events per transaction for %.1f s: written %d "
                + "(%.0f events/s); received by the consumer during the window %d (%.0f events/s); all %d received "
                + "after %.1f s (%.0f events/s end to end)%n",
                WRITERS, BATCH, writeSeconds, total, total / writeSeconds, relayedInWindow,
                relayedInWindow / writeSeconds, total, allSeconds, total / allSeconds);
    }

    private Thread startConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (consuming) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        if (arrivals.putIfAbsent(record.key(), now) == null) {
                            received.incrementAndGet();
                        }
                    }
                }
            }
        }, "bench-consumer");
        thread.start();
        return thread;
    }

    private void awaitArrivals(String run, long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals.keySet().stream().filter(k -> k.startsWith(run)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all events arrived within " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
