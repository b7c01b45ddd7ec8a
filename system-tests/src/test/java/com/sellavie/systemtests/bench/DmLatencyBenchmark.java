package com.sellavie.systemtests.bench;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.systemtests.bench.SendApiJournal.Arrival;
import com.sellavie.systemtests.bench.TopicTimes.Seen;
import com.sellavie.systemtests.stack.Mailbox;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DM to reply, end to end (docs/benchmarks.md, "DM to reply"): the whole stack as in system-tests
 * (every service its own JVM, real PostgreSQL, Kafka and registry, WireMock as Meta's Send API, the
 * offline AI provider); N shops with one Instagram channel each; signed Instagram DMs POSTed to the
 * gateway open-loop at a fixed rate (a scheduler fires at fixed times and never waits for an
 * answer), one new customer per DM; a warm-up at the same rate is discarded. For each measured DM:
 * POST start → Send API arrival (WireMock's receipt time), and the hops in between from the record
 * timestamps of the journey's topics. Lost = no send within the drain time after the last POST;
 * duplicated = more than one send to the DM's customer.
 *
 * <p>Not a test: run with {@code ./mvnw -B -o -pl system-tests -Pbench verify}; settings as system
 * properties {@code bench.rate}, {@code bench.seconds}, {@code bench.warmupSeconds},
 * {@code bench.shops}, {@code bench.drainSeconds}; the report is logged and written to
 * {@code bench.report}.
 */
public final class DmLatencyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DmLatencyBenchmark.class);
    private static final String TEXT = "Hello! Do you ship linen shirts to Lagos?";

    private final int rate = Integer.getInteger("bench.rate", 20);
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 30);
    private final int shopCount = Integer.getInteger("bench.shops", 5);
    private final int drainSeconds = Integer.getInteger("bench.drainSeconds", 30);
    private final String synchronousCommit = System.getProperty("bench.synchronousCommit", "on");
    /** auto: PostgreSQL chooses between custom and generic plans, as in production; generic or custom: forced. */
    private final String planCache = System.getProperty("bench.planCache", "auto");
    private final Path reportFile = Path.of(System.getProperty("bench.report", "target/bench/dm-latency.md"));
    private final List<String> report = new ArrayList<>();

    /** One DM of the run and what the benchmark JVM saw of it. */
    private static final class Dm {
        final int index;
        final boolean measured;
        final BenchShop shop;
        final String customer;
        volatile long postStartMillis;
        volatile long postStartNanos;
        volatile long lateNanos;
        volatile long answeredNanos;
        volatile int status;

        Dm(int index, boolean measured, BenchShop shop, String customer) {
            this.index = index;
            this.measured = measured;
            this.shop = shop;
            this.customer = customer;
        }

        String inboundKey() {
            return shop.instagramAccountId() + ":" + customer;
        }
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            new DmLatencyBenchmark().run();
        } catch (Exception | AssertionError e) {
            log.error("Benchmark failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        line("# DM to reply, end to end — run of " + Instant.now());
        line("");
        line("JVM: %s %s, %d processors; load average at start: %s".formatted(System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage()));
        line(("Settings: rate %d DMs/s, %d s measured after %d s warm-up, %d shops, drain %d s, PostgreSQL "
                + "synchronous_commit=%s, plan_cache_mode=%s").formatted(rate, seconds, warmupSeconds, shopCount,
                drainSeconds, synchronousCommit, planCache));

        long t0 = System.nanoTime();
        TestPostgres postgres = TestPostgres.get();
        setSynchronousCommit(postgres);
        setPlanCache(postgres);
        String kafka = TestKafka.bootstrapServers();
        TestSchemaRegistry.baseUrl();
        long infraMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        try (SellavieStack stack = SellavieStack.start()) {
            long servicesMs = (System.nanoTime() - t1) / 1_000_000;
            line("");
            line("Start-up: infrastructure (PostgreSQL, KRaft broker, Apicurio registry) %.1f s; then the seven services"
                    .formatted(infraMs / 1000.0) + " started in parallel, all ready in %.1f s (load average now %s)"
                    .formatted(servicesMs / 1000.0, loadAverage()));
            measure(stack, kafka, new PipelineProfile(stack.services(), postgres,
                    reportFile.toAbsolutePath().getParent().resolve("jfr")));
        } finally {
            writeReport();
        }
    }

    private void measure(SellavieStack stack, String kafka, PipelineProfile profile) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        String gateway = stack.gatewayUrl();
        List<BenchShop> shops = openShops(http, gateway, kafka, stack.metaGraphApi(), stack.mail());

        int warmup = rate * warmupSeconds;
        int total = warmup + rate * seconds;
        long run = System.currentTimeMillis() % 100_000_000L;
        List<Dm> dms = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            dms.add(new Dm(i, i >= warmup, shops.get(i % shops.size()), "IGSID-bench-" + run + "-" + i));
        }

        String secret = stack.secrets().metaAppSecret();
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        profile.prepare();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        String loadBefore = loadAverage();
        long startNanos = System.nanoTime() + 100_000_000L;
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            Dm dm = dms.get(i);
            long now = System.currentTimeMillis();
            byte[] body = dm.shop.dmWebhook(dm.customer, "aWdfbench" + run + "x" + i, TEXT, now);
            dm.postStartMillis = now;
            dm.postStartNanos = System.nanoTime();
            dm.lateNanos = dm.postStartNanos - (startNanos + i * periodNanos);
            BenchShop.deliver(http, gateway, secret, body).whenComplete((response, error) -> {
                dm.answeredNanos = System.nanoTime();
                dm.status = response == null ? -1 : response.statusCode();
                if (error != null || dm.status != 200) {
                    failures.add("DM " + i + ": " + (error != null ? error : "HTTP " + dm.status));
                }
                answered.countDown();
            });
        }, 100_000_000L, periodNanos, TimeUnit.NANOSECONDS);
        // The profile covers the measured window only, started off the pacer's thread (jcmd takes a while).
        ScheduledExecutorService profiling = Executors.newSingleThreadScheduledExecutor();
        var profileStarted = profiling.schedule(() -> {
            profile.start();
            return null;
        }, 100_000_000L + warmup * periodNanos, TimeUnit.NANOSECONDS);
        log.info("Posting {} DMs at {}/s ({} warm-up)", total, rate, warmup);
        List<String> loadDuring = new ArrayList<>();
        for (int tick = 1; next.get() < total; tick++) {
            Thread.sleep(1_000);
            if (tick % 10 == 0) {
                loadDuring.add(loadAverage().split(" ")[0]);
                log.info("{} DMs posted, load average {}", Math.min(next.get(), total), loadAverage());
            }
        }
        long lastPostMillis = System.currentTimeMillis();
        pacer.shutdown();
        profileStarted.get();
        profiling.shutdown();
        profile.stop();
        if (!answered.await(60, TimeUnit.SECONDS)) {
            failures.add(answered.getCount() + " webhook POSTs unanswered after 60 s");
        }

        SendApiJournal journal = new SendApiJournal(http, stack.metaGraphApi().graphUrl());
        List<Dm> measured = dms.stream().filter(d -> d.measured).toList();
        long drainDeadline = lastPostMillis + drainSeconds * 1000L;
        Map<String, List<Long>> sends;
        do {
            Thread.sleep(1000);
            sends = byRecipient(journal.sends());
        } while (System.currentTimeMillis() < drainDeadline && !allAnswered(measured, sends));
        Thread.sleep(3000);
        sends = byRecipient(journal.sends());
        String loadAfter = loadAverage();

        List<Seen> records = TopicTimes.readAll(kafka);
        analyse(measured, sends, records, failures, loadBefore, loadDuring, loadAfter);
        int repliedInWindow = (int) sends.values().stream().flatMap(List::stream)
                .filter(at -> at >= profile.startedMillis() && at < profile.stoppedMillis()).count();
        profile.report(total - warmup, repliedInWindow, this::line);
    }

    /**
     * The test server runs {@code synchronous_commit=off} (command line) for speed: a commit's WAL then
     * reaches disk, hence logical decoding and every outbox relay, up to {@code wal_writer_delay}
     * (200 ms) later (docs/benchmarks.md, "Relay", run F). Production keeps PostgreSQL's default,
     * {@code on}. A setting for every role, made before any service connects, overrides the command
     * line for all their sessions.
     */
    private void setSynchronousCommit(TestPostgres postgres) throws SQLException {
        setSynchronousCommit(postgres, synchronousCommit);
    }

    static void setSynchronousCommit(TestPostgres postgres, String synchronousCommit) throws SQLException {
        if (!synchronousCommit.equals("on") && !synchronousCommit.equals("off")) {
            throw new IllegalArgumentException("bench.synchronousCommit must be on or off: " + synchronousCommit);
        }
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE ALL SET synchronous_commit = " + synchronousCommit);
        }
    }

    /**
     * Forcing generic plans on every service's prepared statements shows, in the statements' buffers per call
     * ({@code bench.statements=true}), any statement whose plan for any value reads what its plan for the values
     * read avoids: PostgreSQL switches a statement pgjdbc prepared to its generic plan whenever that plan does not
     * look costlier, so production may run it. Set for every role before any service connects.
     */
    private void setPlanCache(TestPostgres postgres) throws SQLException {
        String setting = switch (planCache) {
            case "auto" -> "RESET plan_cache_mode";
            case "generic", "custom" -> "SET plan_cache_mode = force_" + planCache + "_plan";
            default -> throw new IllegalArgumentException("bench.planCache must be auto, generic or custom: " + planCache);
        };
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE ALL " + setting);
        }
    }

    private List<BenchShop> openShops(HttpClient http, String gateway, String kafka, MetaGraphApi meta, Mailbox mail)
            throws Exception {
        return openShops(http, gateway, kafka, shopCount, meta, mail);
    }

    /** Opens {@code shopCount} shops with an Instagram channel each, once ingest has learnt their routes. */
    static List<BenchShop> openShops(HttpClient http, String gateway, String kafka, int shopCount, MetaGraphApi meta,
            Mailbox mail) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) kafka))) {
            long before = channelEvents(admin).published();
            List<BenchShop> shops = new ArrayList<>();
            long base = 17841400000000L + System.currentTimeMillis() % 1_000_000L * 100;
            for (int i = 0; i < shopCount; i++) {
                shops.add(BenchShop.open(http, gateway, Long.toString(base + i), meta, mail));
            }
            // A DM posted before ingest learnt the route would rightly be unroutable: wait for it.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                ChannelEvents events = channelEvents(admin);
                if (events.published() >= before + shopCount && events.consumedByIngest() >= events.published()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ingest did not learn the channels' routes: " + events);
                }
                Thread.sleep(200);
            }
            log.info("{} shops open, routes learnt by ingest", shopCount);
            return shops;
        }
    }

    private record ChannelEvents(long published, long consumedByIngest) {
    }

    private static ChannelEvents channelEvents(Admin admin) throws Exception {
        String topic = "conversation.channels";
        if (!admin.listTopics().names().get().contains(topic)) {
            return new ChannelEvents(0, 0);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long published = admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets("webhook-ingest-service.channel-routes").partitionsToOffsetAndMetadata().get();
        long consumed = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
        return new ChannelEvents(published, consumed);
    }

    private static Map<String, List<Long>> byRecipient(List<Arrival> arrivals) {
        Map<String, List<Long>> byRecipient = new HashMap<>();
        arrivals.forEach(a -> byRecipient.computeIfAbsent(a.recipientId(), r -> new ArrayList<>()).add(a.receivedAtMillis()));
        byRecipient.values().forEach(list -> list.sort(Long::compare));
        return byRecipient;
    }

    private static boolean allAnswered(List<Dm> dms, Map<String, List<Long>> sends) {
        return dms.stream().allMatch(d -> sends.containsKey(d.customer));
    }

    private void analyse(List<Dm> dms, Map<String, List<Long>> sends, List<Seen> records,
            ConcurrentLinkedQueue<String> failures, String loadBefore, List<String> loadDuring, String loadAfter) {
        Map<String, Seen> inboundByKey = new HashMap<>();
        Map<String, Integer> inboundCount = new HashMap<>();
        Map<String, Map<String, Long>> firstByCorrelation = new HashMap<>();
        for (Seen seen : records) {
            if (seen.topic().equals(TopicTimes.INBOUND)) {
                inboundByKey.putIfAbsent(seen.key(), seen);
                inboundCount.merge(seen.key(), 1, Integer::sum);
            }
            String step = seen.topic().equals(TopicTimes.MESSAGES) ? seen.topic() + "/" + simpleName(seen.eventType())
                    : seen.topic();
            firstByCorrelation.computeIfAbsent(seen.correlationId(), c -> new HashMap<>()).merge(step, seen.timestamp(),
                    Math::min);
        }

        List<Long> endToEnd = new ArrayList<>();
        List<Long> webhookAnswered = new ArrayList<>();
        List<Long> lateness = new ArrayList<>();
        Map<String, List<Long>> hops = new LinkedHashMap<>();
        Map<Long, List<Long>> endToEndByWindow = new java.util.TreeMap<>();
        Map<Long, List<Long>> sendHopByWindow = new java.util.TreeMap<>();
        long firstPost = dms.stream().mapToLong(d -> d.postStartMillis).min().orElse(0);
        int lost = 0;
        int duplicated = 0;
        int duplicateInbound = 0;
        for (Dm dm : dms) {
            lateness.add(dm.lateNanos / 1_000_000);
            if (dm.answeredNanos > 0) {
                webhookAnswered.add((dm.answeredNanos - dm.postStartNanos) / 1_000_000);
            }
            List<Long> arrivals = sends.get(dm.customer);
            if (arrivals == null) {
                lost++;
            } else {
                if (arrivals.size() > 1) {
                    duplicated++;
                }
                endToEnd.add(arrivals.getFirst() - dm.postStartMillis);
                endToEndByWindow.computeIfAbsent((dm.postStartMillis - firstPost) / 10_000, w -> new ArrayList<>())
                        .add(arrivals.getFirst() - dm.postStartMillis);
            }
            if (inboundCount.getOrDefault(dm.inboundKey(), 0) > 1) {
                duplicateInbound++;
            }
            Seen inbound = inboundByKey.get(dm.inboundKey());
            if (inbound == null || arrivals == null) {
                continue;
            }
            Map<String, Long> steps = firstByCorrelation.getOrDefault(inbound.correlationId(), Map.of());
            Long requested = steps.get(TopicTimes.REPLY_REQUESTS);
            Long generated = steps.get(TopicTimes.AI_REPLIES);
            Long sentRecorded = steps.get(TopicTimes.MESSAGES + "/OutboundMessageSent");
            Long inboundRecorded = steps.get(TopicTimes.MESSAGES + "/MessageRecorded");
            long send = arrivals.getFirst();
            hop(hops, "1. webhook POST → InboundMessageReceived on Kafka (gateway, ingest, its relay)",
                    inbound.timestamp() - dm.postStartMillis);
            if (requested != null) {
                hop(hops, "2. → ReplyRequested on Kafka (conversation: consume, record, relay)",
                        requested - inbound.timestamp());
            }
            if (requested != null && generated != null) {
                hop(hops, "3. → ReplyGenerated on Kafka (ai: consume, offline reply, relay)", generated - requested);
            }
            if (generated != null) {
                sendHopByWindow.computeIfAbsent((dm.postStartMillis - firstPost) / 10_000, w -> new ArrayList<>())
                        .add(send - generated);
                hop(hops, "4. → Send API call received (conversation: consume, PENDING, HTTP send)", send - generated);
            }
            if (inboundRecorded != null && requested != null) {
                hop(hops, "(2a. MessageRecorded − ReplyRequested on Kafka, same transaction)", inboundRecorded - requested);
            }
            if (sentRecorded != null) {
                hop(hops, "(after: Send API → OutboundMessageSent on Kafka)", sentRecorded - send);
            }
        }

        Stats e2e = Stats.of(endToEnd);
        line("");
        line("Load average (1/5/15 min): before the run %s; 1-min samples every 10 s during it: %s; after the drain %s"
                .formatted(loadBefore, String.join(", ", loadDuring), loadAfter));
        line("Pacing: scheduler lateness p50 %d ms, p99 %d ms, max %d ms (open loop: latency counts from the actual POST)"
                .formatted(Stats.of(lateness).p50(), Stats.of(lateness).p99(), Stats.of(lateness).max()));
        line("");
        line("| measured DMs | replied | lost | duplicated | webhook errors | p50 | p95 | p99 | max | mean |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        line("| %d | %d | **%d** | **%d** | %d | **%d ms** | %d ms | **%d ms** | %d ms | %.0f ms |".formatted(dms.size(),
                endToEnd.size(), lost, duplicated, failures.size(), e2e.p50(), e2e.p95(), e2e.p99(), e2e.max(),
                e2e.mean()));
        line("");
        line("Targets: p50 ≤ 250 ms %s, p99 ≤ 500 ms %s, zero lost %s, zero duplicated %s".formatted(
                verdict(e2e.p50() <= 250), verdict(e2e.p99() <= 500), verdict(lost == 0), verdict(duplicated == 0)));
        line("Duplicate InboundMessageReceived per DM: %d".formatted(duplicateInbound));
        line("");
        line("| hop (ms) | n | p50 | p95 | p99 | max | mean |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        line(Stats.of(webhookAnswered).row("(webhook POST answered 200, seen by the poster)"));
        hops.forEach((name, values) -> line(Stats.of(values).row(name)));
        line(e2e.row("**end to end: webhook POST → Send API call**"));
        line("");
        line("Over time (by when the DM was posted): end-to-end p50 / p99, and hop 4 p50, per 10-s window");
        line("");
        line("| window | DMs | end-to-end p50 | end-to-end p99 | hop 4 p50 |");
        line("|---|---:|---:|---:|---:|");
        endToEndByWindow.forEach((window, values) -> {
            Stats windowStats = Stats.of(values);
            line("| %d–%d s | %d | %d ms | %d ms | %d ms |".formatted(window * 10, window * 10 + 10, values.size(),
                    windowStats.p50(), windowStats.p99(),
                    Stats.of(sendHopByWindow.getOrDefault(window, List.of())).p50()));
        });
        failures.stream().limit(10).forEach(f -> line("Failure: " + f));
    }

    private static String simpleName(String eventType) {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }

    private static void hop(Map<String, List<Long>> hops, String name, long millis) {
        hops.computeIfAbsent(name, n -> new ArrayList<>()).add(millis);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private void line(String text) {
        report.add(text);
        log.info(text);
    }

    private void writeReport() throws IOException {
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        log.info("Report written to {}", reportFile.toAbsolutePath());
    }
}
