package com.sellavie.systemtests.chaos;

import com.sellavie.systemtests.bench.BenchShop;
import com.sellavie.systemtests.journey.IngestRouting;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.ServiceProcess;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos suite of issue 6: every service from its jar, a continuous stream of signed DMs for
 * several shops, and in turn each fault an operator meets: SIGKILL + restart of each service, the
 * Kafka broker stopped, the registry stopped, PostgreSQL restarted, Meta's Send API failing, timing
 * out, and slow for one shop only. After each fault a drain period; at the end, per fault: DMs sent,
 * replied, duplicated, UNKNOWN, dead-lettered, the longest wait and the time to recover
 * ({@link ReliabilityReport}). The run fails if anything was lost or sent twice.
 *
 * <p>Not a JUnit test (about 20 minutes): {@code ./mvnw -B -o -pl system-tests -Pchaos verify} with the
 * service jars built; settings {@code chaos.rate}, {@code chaos.shops}, {@code chaos.faultSeconds},
 * {@code chaos.drainSeconds}, {@code chaos.only} (comma-separated fault names), {@code chaos.report}.
 */
public final class ChaosSuite {

    private static final Logger log = LoggerFactory.getLogger(ChaosSuite.class);
    static final List<String> SERVICES = List.of("ingest", "conversation", "ai", "commerce", "notification", "identity", "gateway");

    private final int rate = Integer.getInteger("chaos.rate", 20);
    private final int shopCount = Integer.getInteger("chaos.shops", 5);
    private final Duration faultLength = Duration.ofSeconds(Integer.getInteger("chaos.faultSeconds", 60));
    private final Duration drain = Duration.ofSeconds(Integer.getInteger("chaos.drainSeconds", 45));
    private final Set<String> only = Arrays.stream(System.getProperty("chaos.only", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    private final Path report = Path.of(System.getProperty("chaos.report", "target/chaos/reliability.md"));
    private final List<Phase> phases = new ArrayList<>();

    public static void main(String[] args) {
        int exit;
        try {
            exit = new ChaosSuite().run() ? 0 : 1;
        } catch (Exception | AssertionError e) {
            log.error("Chaos suite failed to run", e);
            exit = 2;
        }
        System.exit(exit);
    }

    private boolean run() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "chaos").toAbsolutePath());
        deleteRecursively(folder.resolve("infra")); // a fresh broker and registry every run
        try (ChaosInfrastructure infrastructure = ChaosInfrastructure.start(folder.resolve("infra"));
                SellavieStack stack = SellavieStack.start(infrastructure, ChaosSettings.serviceEnvironment())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
            List<BenchShop> shops = openShops(http, stack, infrastructure);
            Instant started = Instant.now();
            DmStream stream = DmStream.start(http, stack.gatewayUrl(), stack.secrets().metaAppSecret(), shops, rate);
            try (DeadLetters deadLetters = new DeadLetters(infrastructure.kafka.bootstrapServers())) {
                List<String> harnessErrors = new ArrayList<>();
                try {
                    runFaults(stack, infrastructure, shops, deadLetters);
                } catch (RuntimeException e) {
                    // The suite could not inject or heal a fault: report what ran, and fail.
                    log.error("Fault sequence aborted", e);
                    harnessErrors.add("fault sequence aborted: " + e);
                }
                stream.stopSending();
                awaitAcknowledged(stream);
                awaitReplies(stack.metaGraphApi(), stream);
                ReliabilityReport result = ReliabilityReport.of(phases, stream.dms(), stack.metaGraphApi().deliveries(),
                        new AttentionList(http, stack.gatewayUrl()).byCustomer(shops), shops.getFirst(), harnessErrors);
                result.write(report, started, rate, shopCount, stream);
                return result.passed();
            } finally {
                stream.close();
            }
        }
    }

    private List<BenchShop> openShops(HttpClient http, SellavieStack stack, ChaosInfrastructure infrastructure) {
        try (IngestRouting routing = new IngestRouting(infrastructure.kafka.bootstrapServers())) {
            List<BenchShop> shops = new ArrayList<>();
            long base = 17841500000000L + System.currentTimeMillis() % 1_000_000L * 100;
            for (int i = 0; i < shopCount; i++) {
                long before = routing.channelEventsPublished();
                shops.add(BenchShop.open(http, stack.gatewayUrl(), Long.toString(base + i), stack.metaGraphApi(),
                        stack.mail()));
                routing.awaitRouteLearnt(before, Duration.ofMinutes(2));
            }
            return shops;
        }
    }

    private void runFaults(SellavieStack stack, ChaosInfrastructure infrastructure, List<BenchShop> shops,
            DeadLetters deadLetters) {
        // Service JVMs start cold (C1/C2 still compiling): their first minute is not the system's normal.
        phase(ReliabilityReport.WARM_UP, deadLetters, () -> { }, Duration.ofSeconds(60));
        phase("baseline", deadLetters, () -> { }, Duration.ofSeconds(60));
        for (String service : SERVICES) {
            phase("kill " + service, deadLetters, () -> killAndRestart(stack.service(service)), drain);
        }
        MetaGraphApi meta = stack.metaGraphApi();
        phase("Kafka stopped", deadLetters, () -> {
            infrastructure.kafka.stop();
            pause(faultLength);
            infrastructure.kafka.startAgain();
        }, drain.plusSeconds(15));
        phase("registry stopped", deadLetters, () -> {
            infrastructure.registry.stop();
            pause(faultLength);
            infrastructure.registry.startAgain();
        }, drain);
        phase("PostgreSQL restarted", deadLetters, infrastructure.postgres::restart, drain);
        phase("Send API 500", deadLetters, () -> {
            meta.failSends(500);
            pause(faultLength);
            meta.heal();
        }, drain);
        phase("Send API timing out", deadLetters, () -> {
            meta.delaySends(ChaosSettings.SEND_TIMEOUT.plusSeconds(4));
            pause(faultLength.dividedBy(2));
            meta.heal();
        }, drain);
        phase("Send API slow for one shop", deadLetters, () -> {
            meta.delaySendsWithToken(shops.getFirst().channelToken(), Duration.ofSeconds(5));
            pause(faultLength);
            meta.heal();
        }, drain);
    }

    /** Runs one fault: {@code fault} blocks until the component is back; then {@code drainAfter} of normal traffic. */
    private void phase(String name, DeadLetters deadLetters, Runnable fault, Duration drainAfter) {
        boolean always = name.equals("baseline") || name.equals(ReliabilityReport.WARM_UP);
        if (!only.isEmpty() && !always && only.stream().noneMatch(name::contains)) {
            return;
        }
        long deadLettersBefore = deadLetters.total();
        Instant start = Instant.now();
        log.info("=== fault: {} ===", name);
        fault.run();
        Instant back = Instant.now();
        log.info("=== {}: component back after {} s; draining {} s ===", name,
                Duration.between(start, back).toMillis() / 1000.0, drainAfter.toSeconds());
        pause(drainAfter);
        phases.add(new Phase(name, start, back, Instant.now(), deadLetters.total() - deadLettersBefore));
    }

    private static void killAndRestart(ServiceProcess service) {
        service.kill();
        service.start();
        service.awaitReady(SellavieStack.READINESS_TIMEOUT);
    }

    private static void awaitAcknowledged(DmStream stream) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (stream.unacknowledged() > 0 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
        }
    }

    /** Waits until every acknowledged DM has a delivery, or nothing new arrived for a while. */
    private static void awaitReplies(MetaGraphApi meta, DmStream stream) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> replied = meta.deliveries().stream().map(MetaGraphApi.Delivery::recipientId)
                    .collect(Collectors.toSet());
            long missing = stream.dms().stream().filter(d -> !replied.contains(d.customer)).count();
            if (missing == 0) {
                return;
            }
            log.info("{} DMs still without a reply", missing);
            pause(Duration.ofSeconds(5));
        }
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One fault: when it began, when the component was back, when its drain ended, and the dead letters it made. */
    record Phase(String name, Instant start, Instant back, Instant end, long deadLettered) {
    }

    /** The stack's settings for the run, and what the suite assumes of them. */
    static final class ChaosSettings {

        /** conversation-service's Send API request timeout during the run. */
        static final Duration SEND_TIMEOUT = Duration.ofSeconds(8);

        private ChaosSettings() {
        }

        static Map<String, String> serviceEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SELLAVIE_OUTBOUND_REQUEST_TIMEOUT", SEND_TIMEOUT.toSeconds() + "s");
            return env;
        }
    }
}
