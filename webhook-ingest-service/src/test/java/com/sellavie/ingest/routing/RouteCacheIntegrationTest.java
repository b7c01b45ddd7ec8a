package com.sellavie.ingest.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.OpsClient;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Routes kept in memory stay true to the routing table: every change PostgreSQL commits reaches the cache of
 * the instance (same context as the webhook tests; real PostgreSQL, Kafka and registry).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ops.token=" + OpsClient.TOKEN})
@IntegrationTest
class RouteCacheIntegrationTest {

    // At commit PostgreSQL hands the announcement to the listening session at once; this only allows for scheduling.
    private static final Duration ANNOUNCED = Duration.ofSeconds(3);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChannelRouter router;
    @Autowired
    RouteCache cache;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void hearingRouteChanges() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(cache::trusted);
    }

    @Test
    void aFoundRouteIsAnsweredFromMemoryUntilItsChannelMovesToAnotherBusiness() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String account = externalId();
        Instant t0 = Instant.now().minusSeconds(60);
        ChannelConnected connected = ChannelEvents.connected(first, UUID.randomUUID(), "INSTAGRAM", account, null, null, t0);
        ChannelEvents.connectAndAwaitRoute(jdbc, connected);

        assertThat(router.route("INSTAGRAM", account)).map(ChannelRoute::businessId).contains(first);
        double hits = hits();
        assertThat(router.route("INSTAGRAM", account)).map(ChannelRoute::businessId).contains(first);
        assertThat(hits()).as("the second lookup is answered from memory").isEqualTo(hits + 1);

        // The merchant disconnects the account and another business connects it.
        ChannelEvents.publish(connected.getChannelId().toString(), ChannelEvents.disconnected(connected, t0.plusSeconds(1)));
        ChannelConnected moved = ChannelEvents.connected(second, UUID.randomUUID(), "INSTAGRAM", account, null, null,
                t0.plusSeconds(2));
        ChannelEvents.connectAndAwaitRoute(jdbc, moved);

        // Not after the cached route's expiry (10 min): as soon as the change is announced.
        Awaitility.await().atMost(ANNOUNCED).until(() -> router.route("INSTAGRAM", account)
                .map(ChannelRoute::businessId).filter(second::equals).isPresent());
        assertThat(router.route("INSTAGRAM", account)).map(ChannelRoute::channelId).contains(moved.getChannelId());
    }

    @Test
    void aChangeMadeWhileTheListeningConnectionIsLostIsNotMissed() {
        UUID business = UUID.randomUUID();
        String page = externalId();
        ChannelConnected connected = ChannelEvents.connected(business, "MESSENGER", page);
        ChannelEvents.connectAndAwaitRoute(jdbc, connected);
        assertThat(router.route("MESSENGER", page)).isPresent();
        assertThat(router.route("MESSENGER", page)).isPresent();

        // The database ends the instance's LISTEN connection (a failover, a restart) ...
        assertThat(jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND query = 'LISTEN " + RouteCache.CHANNEL + "'", Long.class))
                .as("this instance's listening connection (and any other test context's)").isPositive();
        // ... and the channel's route goes before the instance has noticed: its announcement reaches no one.
        TenantContext.callAs(business, () -> jdbc.update("DELETE FROM channel_routes WHERE channel_id = ?",
                connected.getChannelId()));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> router.route("MESSENGER", page).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(cache::trusted);
        assertThat(router.route("MESSENGER", page)).isEmpty();
    }

    private double hits() {
        return meters.get("cache.gets").tag("cache", "ingest.channel-routes").tag("result", "hit")
                .functionCounter().count();
    }

    private static String externalId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) + 1_000_000_000_000L);
    }
}
