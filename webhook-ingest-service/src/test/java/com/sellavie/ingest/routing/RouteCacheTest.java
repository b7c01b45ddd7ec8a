package com.sellavie.ingest.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ingest.routing.RouteCache.Lookup;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * What the cache keeps and when it lets go, driven through the same calls its LISTEN connection makes
 * ({@code listening}, {@code notified}, {@code lost}); RouteCacheIntegrationTest drives it through PostgreSQL.
 */
class RouteCacheTest {

    private static final Lookup LOOKUP = new Lookup("INSTAGRAM", "17841400000000001", null, null);
    private static final ChannelRoute ROUTE = new ChannelRoute(UUID.randomUUID(), UUID.randomUUID(),
            "17841400000000001", "external_id");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // Never started here: the test plays the listener's part.
    private final RouteCache cache = new RouteCache(new SimpleDriverDataSource(), new RouteCacheProperties(
            null, null, null, null), meters);
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeEach
    void hearingChanges() {
        cache.listening(false);
    }

    @Test
    void aFoundRouteIsLoadedOnceThenAnsweredFromMemory() {
        assertThat(cache.route(LOOKUP, load(ROUTE))).contains(ROUTE);
        assertThat(cache.route(LOOKUP, load(ROUTE))).contains(ROUTE);

        assertThat(loads).hasValue(1);
        assertThat(cache.route(new Lookup("MESSENGER", "17841400000000001", null, null), load(ROUTE))).contains(ROUTE);
        assertThat(loads).as("another channel type is another lookup").hasValue(2);
    }

    @Test
    void anUnknownChannelIsAskedForEachTimeSoThatOneJustConnectedIsFoundAtOnce() {
        assertThat(cache.route(LOOKUP, load(null))).isEmpty();
        assertThat(cache.route(LOOKUP, load(ROUTE))).contains(ROUTE);

        assertThat(loads).hasValue(2);
    }

    @Test
    void anAnnouncedChangeEmptiesTheCache() {
        cache.route(LOOKUP, load(ROUTE));

        cache.notified("");

        assertThat(cache.route(LOOKUP, load(ROUTE))).contains(ROUTE);
        assertThat(loads).hasValue(2);
    }

    @Test
    void whatWasReadWhileAChangeWasAnnouncedIsNotKept() {
        // The change commits (and is announced) after the lookup's query read the old route.
        Supplier<Optional<ChannelRoute>> readThenAnnounced = () -> {
            loads.incrementAndGet();
            cache.notified("");
            return Optional.of(ROUTE);
        };

        assertThat(cache.route(LOOKUP, readThenAnnounced)).contains(ROUTE);
        cache.route(LOOKUP, load(ROUTE));

        assertThat(loads).as("the old route was not kept: the next lookup asked again").hasValue(2);
    }

    @Test
    void whileChangesCannotBeHeardEveryLookupAsksTheDatabaseAndNothingKeptBeforeSurvives() {
        cache.route(LOOKUP, load(ROUTE));

        cache.lost(new SQLException("terminating connection due to administrator command"));
        assertThat(cache.trusted()).isFalse();
        cache.route(LOOKUP, load(ROUTE));
        cache.route(LOOKUP, load(ROUTE));
        assertThat(loads).hasValue(3);
        assertThat(meters.get("sellavie.ingest.route_cache.bypassed").counter().count()).isEqualTo(2);
        assertThat(meters.get("sellavie.ingest.route_cache.trusted").gauge().value()).isZero();

        cache.listening(true);
        cache.route(LOOKUP, load(ROUTE));
        cache.route(LOOKUP, load(ROUTE));
        assertThat(loads).as("kept again once listening, loaded afresh").hasValue(4);
        assertThat(meters.get("sellavie.ingest.route_cache.trusted").gauge().value()).isOne();
    }

    @Test
    void aReconnectionEmptiesTheCacheEvenIfNoLookupCameInBetween() {
        cache.route(LOOKUP, load(ROUTE));

        // Lost and back between two webhooks: announcements of that moment may be gone.
        cache.lost(new SQLException("connection reset"));
        cache.listening(true);

        cache.route(LOOKUP, load(ROUTE));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aTransactionThatWroteRoutesNeitherReadsNorKeepsThemAndItsEndEmptiesTheCache() {
        cache.route(LOOKUP, load(ROUTE));
        ChannelRoute uncommitted = new ChannelRoute(UUID.randomUUID(), UUID.randomUUID(), "17841400000000001",
                "external_id");
        TransactionSynchronizationManager.initSynchronization();
        try {
            // A channel's connect: its route written, then its kept DMs replayed in the same transaction.
            cache.routesWrittenInThisTransaction();
            assertThat(cache.route(LOOKUP, load(uncommitted))).contains(uncommitted);
            assertThat(cache.route(LOOKUP, load(uncommitted))).contains(uncommitted);
            assertThat(loads).as("asked PostgreSQL each time, the cached route not used").hasValue(3);

            // Rolled back: PostgreSQL announces nothing.
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_ROLLED_BACK);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(cache.route(LOOKUP, load(ROUTE))).as("the uncommitted route was never kept").contains(ROUTE);
        assertThat(loads).as("and what was kept before is gone with the transaction").hasValue(4);
    }

    @Test
    void whatIsKeptIsAnsweredWithoutALookupOnlyWhileTheCacheWouldAnswerFromMemory() {
        assertThat(cache.kept(LOOKUP)).as("nothing kept yet").isEmpty();
        cache.route(LOOKUP, load(ROUTE));
        assertThat(cache.kept(LOOKUP)).contains(ROUTE);
        assertThat(loads).hasValue(1);
        FunctionCounter misses = meters.get("cache.gets").tag("result", "miss").functionCounter();
        FunctionCounter hits = meters.get("cache.gets").tag("result", "hit").functionCounter();
        assertThat(misses.count()).as("the quiet look before the lookup is not a second miss").isOne();
        assertThat(hits.count()).isOne();

        cache.notified("");
        assertThat(cache.kept(LOOKUP)).as("emptied by an announcement").isEmpty();

        cache.route(LOOKUP, load(ROUTE));
        cache.lost(new SQLException("connection reset"));
        assertThat(cache.kept(LOOKUP)).as("changes cannot be heard").isEmpty();
        cache.listening(true);

        cache.route(LOOKUP, load(ROUTE));
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.routesWrittenInThisTransaction();
            assertThat(cache.kept(LOOKUP)).as("in a transaction that wrote routes").isEmpty();
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_COMMITTED);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private Supplier<Optional<ChannelRoute>> load(ChannelRoute found) {
        return () -> {
            loads.incrementAndGet();
            return Optional.ofNullable(found);
        };
    }
}
