package com.sellavie.ingest.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sellavie.platform.listen.PostgresListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The routes webhooks found, kept in memory so a routed webhook needs no database round trip (issue 12 item 2:
 * the route query was most of PostgreSQL's work per Kafka-first webhook). Correct across instances because every
 * change to {@code channel_routes} is announced by PostgreSQL ({@code NOTIFY channel_routes_changed}, a trigger,
 * V4) at its commit, and every instance listens: an announcement empties the cache. Channels change rarely, so
 * emptying it all is simpler than working out which entries a change touched, and costs nothing measurable.
 *
 * <p>Only found routes are kept: a webhook for an unknown channel is written to PostgreSQL anyway, and a channel
 * that just connected must be found at once. While the {@code LISTEN} connection is down (announcements could be
 * missed) the cache is bypassed, and it is emptied once the connection is back. A lookup that was reading
 * PostgreSQL while an announcement arrived does not keep what it read ({@link #generation}), and one inside a
 * transaction that wrote routes itself (a channel's connect replaying its kept DMs) neither reads nor keeps: it
 * sees rows no one else sees yet, which a rollback would take back without any announcement.
 */
public final class RouteCache implements PostgresListener.Handler, SmartLifecycle {

    static final String CHANNEL = "channel_routes_changed";
    private static final Logger log = LoggerFactory.getLogger(RouteCache.class);

    /** One lookup's arguments: a channel type and the identifiers it is looked up by, in its layers' order. */
    record Lookup(String channelType, String id, String displayPhoneNumber, String wabaId) {
    }

    private final Cache<Lookup, ChannelRoute> routes;
    private final PostgresListener listener;
    /** Moved on by every announcement and every (re)connection: a lookup keeps its result only if it did not move. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean trusted;
    private final Counter bypassed;
    /** Bound to a transaction that wrote routes (see {@link #routesWrittenInThisTransaction}). */
    private final Object writtenHere = new Object();

    /** {@code listenerConnections}: where the LISTEN connection comes from (not the pool: see PostgresListener). */
    RouteCache(DataSource listenerConnections, RouteCacheProperties properties, MeterRegistry meters) {
        this.routes = Caffeine.newBuilder().maximumSize(properties.maxSize())
                .expireAfterWrite(properties.expireAfterWrite()).recordStats().build();
        this.listener = new PostgresListener(listenerConnections, CHANNEL, this, properties.maxReconnectBackoff());
        CaffeineCacheMetrics.monitor(meters, routes, "ingest.channel-routes");
        Gauge.builder("sellavie.ingest.route_cache.trusted", this, cache -> cache.trusted ? 1 : 0)
                .description("1 while route changes are being heard (the cache answers), 0 while it is bypassed")
                .register(meters);
        this.bypassed = Counter.builder("sellavie.ingest.route_cache.bypassed")
                .description("Route lookups sent to PostgreSQL because route changes could not be heard")
                .register(meters);
    }

    /** The route for {@code lookup}: from the cache, else from {@code load} (kept if found and nothing changed). */
    Optional<ChannelRoute> route(Lookup lookup, Supplier<Optional<ChannelRoute>> load) {
        if (!trusted) {
            bypassed.increment();
            return load.get();
        }
        if (TransactionSynchronizationManager.hasResource(writtenHere)) {
            return load.get();
        }
        ChannelRoute cached = routes.getIfPresent(lookup);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<ChannelRoute> loaded = load.get();
        if (loaded.isPresent() && generation.get() == before) {
            routes.put(lookup, loaded.get());
            // An announcement between the check and the put emptied the cache before this entry was in it.
            if (generation.get() != before) {
                routes.invalidate(lookup);
            }
        }
        return loaded;
    }

    /**
     * The route kept for {@code lookup}, without asking PostgreSQL: empty when none is kept, or when the cache would
     * not answer {@link #route} from memory now (changes cannot be heard, or this transaction wrote routes).
     */
    Optional<ChannelRoute> kept(Lookup lookup) {
        if (!trusted || TransactionSynchronizationManager.hasResource(writtenHere)) {
            return Optional.empty();
        }
        // Looked at quietly first: a route not kept is looked up again (route) and counted as a miss there, once.
        if (routes.policy().getIfPresentQuietly(lookup) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(routes.getIfPresent(lookup));
    }

    /**
     * The current transaction writes routes: its lookups go to PostgreSQL, and whatever it did is forgotten when it
     * ends (committed, the announcement does it on every instance too; rolled back, nothing is announced).
     */
    void routesWrittenInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(writtenHere)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(writtenHere, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(writtenHere);
                forgetAll();
            }
        });
    }

    /** Whether lookups are answered from memory (route changes are being heard). */
    boolean trusted() {
        return trusted;
    }

    @Override
    public void listening(boolean afterLoss) {
        forgetAll();
        trusted = true;
        if (afterLoss) {
            log.info("Route cache: hearing route changes again; the cache answers lookups again (emptied)");
        }
    }

    @Override
    public void notified(String payload) {
        forgetAll();
    }

    @Override
    public void lost(Exception cause) {
        trusted = false;
        forgetAll();
        log.warn("Route cache bypassed until route changes can be heard again: every webhook asks PostgreSQL");
    }

    private void forgetAll() {
        generation.incrementAndGet();
        routes.invalidateAll();
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        trusted = false;
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }
}
