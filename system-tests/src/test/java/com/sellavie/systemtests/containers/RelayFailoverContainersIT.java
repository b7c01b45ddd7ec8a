package com.sellavie.systemtests.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.systemtests.journey.IngestRouting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.lifecycle.Startables;

/**
 * The relay of webhook-ingest-service under container faults: two instances from the compose image share
 * PostgreSQL (wal_level=logical), Kafka and the registry on one Testcontainers network while signed DMs flow
 * to both. The relay leader is (a) cut off from the network (PostgreSQL and Kafka unreachable, its lock
 * session left open server-side), then reconnected; (c) paused (its TCP sockets alive, its process frozen),
 * then unpaused. Each time the standby must hold the relay lock within 30 s of the fault, the old leader
 * must step down when it is back, and in the end every acknowledged DM has an event on
 * {@code ingest.inbound-messages}, a DM delivered once exactly one, and no DM more events than deliveries
 * (ingest is stateless: a webhook Meta redelivers is deduplicated downstream by its message id).
 *
 * <p>Run (as root, after infra/compose/setup-podman.sh and infra/images/build-images.sh):
 * {@code ./mvnw -o -B -pl system-tests -Pcontainers verify} with DOCKER_HOST set to podman's socket
 * (README "Run with containers").
 */
class RelayFailoverContainersIT {

    private static final Logger log = LoggerFactory.getLogger(RelayFailoverContainersIT.class);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    private static final String DATABASE = "sellavie_ingest";
    private static final String ACCOUNT = "17841400000000077";
    private static final int PORT = 8082;

    private static ContainerInfrastructure infrastructure;
    private static ServiceContainer first;
    private static ServiceContainer second;
    private static String appSecret;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("sellavie.jars.dir", "..")).toAbsolutePath().normalize();
        infrastructure = new ContainerInfrastructure(root);
        infrastructure.start();
        appSecret = ContainerInfrastructure.secret();
        Map<String, String> env = infrastructure.serviceEnvironment("ingest");
        env.put("SELLAVIE_META_APP_SECRET", appSecret);
        env.put("SELLAVIE_META_VERIFY_TOKEN", ContainerInfrastructure.secret());
        first = new ServiceContainer("webhook-ingest-service", "ingest-a", PORT, infrastructure.network, env);
        second = new ServiceContainer("webhook-ingest-service", "ingest-b", PORT, infrastructure.network, env);
        Startables.deepStart(first.container, second.container).join();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {first, second, infrastructure}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                log.warn("Stopping {}: {}", part, e.getMessage());
            }
        }
    }

    @Test
    void relayLockMovesToTheStandbyWithinThirtySecondsAndNoAcknowledgedDmIsLostOrDuplicated() {
        KafkaEvents events = new KafkaEvents(infrastructure.kafkaBootstrapFromHost(), infrastructure.registryUrlFromHost());
        try (IngestRouting routing = new IngestRouting(infrastructure.kafkaBootstrapFromHost())) {
            long before = routing.channelEventsPublished();
            events.channelConnected(UUID.randomUUID(), ACCOUNT);
            routing.awaitRouteLearnt(before, Duration.ofMinutes(2));
        }
        await("one relay leads").atMost(Duration.ofMinutes(2)).until(() -> leader() != null);

        List<Supplier<String>> targets = List.of(first::baseUrl, second::baseUrl);
        List<String> report = new ArrayList<>();
        try (SignedDmStream stream = SignedDmStream.start(ACCOUNT, appSecret, targets, 5)) {
            pause(Duration.ofSeconds(10));

            // (a) The leader loses the network: its lock session stays open on the server until the standby,
            // seeing its lease go stale, ends it.
            ServiceContainer partitioned = leader();
            ServiceContainer standby = other(partitioned);
            Duration takeover = fault(partitioned, standby, ServiceContainer::disconnect);
            report.add("network disconnect of " + partitioned.name + ": " + standby.name + " held the lock after "
                    + takeover.toMillis() + " ms");
            partitioned.reconnect();
            await(partitioned.name + " back as a standby").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "STANDBY".equals(partitioned.relayRole()));
            assertThat(infrastructure.relayLockHolder(DATABASE)).isEqualTo(standby.relaySession());
            pause(Duration.ofSeconds(10));

            // (c) The leader freezes: its sockets answer TCP keepalives, only its lease stops being renewed.
            ServiceContainer frozen = leader();
            ServiceContainer taker = other(frozen);
            Duration pausedTakeover = fault(frozen, taker, ServiceContainer::pause);
            report.add("pause of " + frozen.name + ": " + taker.name + " held the lock after "
                    + pausedTakeover.toMillis() + " ms");
            frozen.unpause();
            long unpaused = System.nanoTime();
            await(frozen.name + " steps down after the pause").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> "STANDBY".equals(frozen.relayRole()));
            report.add(frozen.name + " reported STANDBY " + (System.nanoTime() - unpaused) / 1_000_000
                    + " ms after the unpause");
            assertThat(infrastructure.relayLockHolder(DATABASE)).as("the lock stays with the new leader")
                    .isEqualTo(taker.relaySession());
            assertThat(taker.relayRole()).isEqualTo("LEADER");
            pause(Duration.ofSeconds(10));

            stream.stopSending();
            await("every DM acknowledged").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> stream.unacknowledged() == 0);
            List<SignedDmStream.Dm> dms = stream.dms();
            List<String> acknowledged = stream.acknowledgedMids();
            KafkaEvents.Inbound inbound = events.readInbound(acknowledged, Duration.ofMinutes(3));
            List<String> lost = acknowledged.stream().filter(mid -> !inbound.eventIdsByMid.containsKey(mid)).toList();
            // Ingest is stateless: each delivery of a webhook it accepts is one event (conversation-service drops
            // a redelivered DM by its message id). So a DM delivered once must be exactly one event, and no DM may
            // be more events than deliveries: more would be the relay or a failover inventing one.
            List<String> deliveredOnceButTwice = dms.stream()
                    .filter(dm -> dm.attempts.get() == 1 && eventsOf(inbound, dm.mid) > 1).map(dm -> dm.mid).toList();
            List<String> moreEventsThanDeliveries = dms.stream()
                    .filter(dm -> eventsOf(inbound, dm.mid) > dm.attempts.get()).map(dm -> dm.mid).toList();
            long redeliveredTwice = dms.stream().filter(dm -> dm.attempts.get() > 1 && eventsOf(inbound, dm.mid) > 1)
                    .count();
            long resent = inbound.recordsByMid.values().stream().mapToLong(n -> n - 1).sum()
                    - inbound.eventIdsByMid.values().stream().mapToLong(ids -> ids.size() - 1).sum();
            report.add(acknowledged.size() + " DMs acknowledged, " + stream.failedAttempts()
                    + " deliveries refused or timed out and redelivered; " + lost.size() + " without an event; "
                    + redeliveredTwice + " redelivered DMs accepted twice (two events, deduplicated downstream by"
                    + " message id); " + resent + " records re-sent by a relay after a takeover (same eventId,"
                    + " deduplicated by the consumers' inbox)");
            log.info("Relay failover in containers:\n  {}", String.join("\n  ", report));

            assertThat(takeover).as("takeover after a network disconnect").isLessThanOrEqualTo(TAKEOVER_LIMIT);
            assertThat(pausedTakeover).as("takeover after a pause").isLessThanOrEqualTo(TAKEOVER_LIMIT);
            assertThat(acknowledged).hasSizeGreaterThan(100);
            assertThat(lost).as("acknowledged DMs without an event").isEmpty();
            assertThat(deliveredOnceButTwice).as("DMs delivered once that became two events").isEmpty();
            assertThat(moreEventsThanDeliveries).as("DMs with more events than deliveries").isEmpty();
        }
    }

    /** Applies {@code fault} to the leader and measures how long until {@code standby} holds the relay lock. */
    private static Duration fault(ServiceContainer leader, ServiceContainer standby, Consumer<ServiceContainer> fault) {
        assertThat(infrastructure.relayLockHolder(DATABASE)).isEqualTo(leader.relaySession());
        long start = System.nanoTime();
        fault.accept(leader);
        await(standby.name + " takes the relay lock").atMost(TAKEOVER_LIMIT.plusSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> standby.relaySession().equals(infrastructure.relayLockHolder(DATABASE)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("{} holds the relay lock {} ms after the fault of {}", standby.name, took.toMillis(), leader.name);
        await(standby.name + " streams as leader").atMost(Duration.ofSeconds(30))
                .until(() -> "LEADER".equals(standby.relayRole()));
        return took;
    }

    private static int eventsOf(KafkaEvents.Inbound inbound, String mid) {
        return inbound.eventIdsByMid.getOrDefault(mid, Set.of()).size();
    }

    private static ServiceContainer leader() {
        String holder = infrastructure.relayLockHolder(DATABASE);
        if (Objects.equals(holder, first.relaySession())) {
            return first;
        }
        return Objects.equals(holder, second.relaySession()) ? second : null;
    }

    private static ServiceContainer other(ServiceContainer one) {
        return one == first ? second : first;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
