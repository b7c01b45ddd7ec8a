package com.sellavie.systemtests.chaos;

import com.sellavie.systemtests.bench.BenchShop;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A continuous open-loop stream of signed Instagram DMs across several shops, one new customer per
 * DM, POSTed to the gateway at fixed times whatever happens to the system. A DM that is not answered
 * 200 is delivered again later with the same bytes, as Meta re-delivers a webhook (back-off doubling
 * from 1 s to 15 s), until it is acknowledged or the stream is closed.
 */
final class DmStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DmStream.class);
    private static final String TEXT = "Hello! Do you ship linen shirts to Lagos?";
    private static final long MAX_BACKOFF_MS = 15_000;

    /** One DM and what the sender saw of it. */
    static final class Dm {
        final int index;
        final BenchShop shop;
        final String customer;
        final byte[] body;
        final long scheduledAtMillis;
        final AtomicInteger attempts = new AtomicInteger();
        volatile long acknowledgedAtMillis;

        Dm(int index, BenchShop shop, String customer, byte[] body, long scheduledAtMillis) {
            this.index = index;
            this.shop = shop;
            this.customer = customer;
            this.body = body;
            this.scheduledAtMillis = scheduledAtMillis;
        }

        boolean acknowledged() {
            return acknowledgedAtMillis > 0;
        }
    }

    private final HttpClient http;
    private final String gatewayUrl;
    private final String appSecret;
    private final List<BenchShop> shops;
    private final ConcurrentLinkedQueue<Dm> dms = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L);
    private volatile boolean sending = true;

    private DmStream(HttpClient http, String gatewayUrl, String appSecret, List<BenchShop> shops) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
        this.appSecret = appSecret;
        this.shops = List.copyOf(shops);
    }

    static DmStream start(HttpClient http, String gatewayUrl, String appSecret, List<BenchShop> shops, int perSecond) {
        DmStream stream = new DmStream(http, gatewayUrl, appSecret, shops);
        long period = 1_000_000_000L / perSecond;
        stream.pacer.scheduleAtFixedRate(stream::sendNext, 0, period, TimeUnit.NANOSECONDS);
        return stream;
    }

    private void sendNext() {
        if (!sending) {
            return;
        }
        int i = next.getAndIncrement();
        BenchShop shop = shops.get(i % shops.size());
        long now = System.currentTimeMillis();
        String customer = "IGSID-chaos-" + run + "-" + i;
        Dm dm = new Dm(i, shop, customer, shop.dmWebhook(customer, "aWdfchaos" + run + "x" + i, TEXT, now), now);
        dms.add(dm);
        deliver(dm, 1_000);
    }

    private void deliver(Dm dm, long backoffMs) {
        dm.attempts.incrementAndGet();
        BenchShop.deliver(http, gatewayUrl, appSecret, dm.body).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                dm.acknowledgedAtMillis = System.currentTimeMillis();
                return;
            }
            failedAttempts.incrementAndGet();
            if (pacer.isShutdown()) {
                log.warn("DM {} never acknowledged ({} attempts)", dm.index, dm.attempts.get());
                return;
            }
            pacer.schedule(() -> deliver(dm, Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs, TimeUnit.MILLISECONDS);
        });
    }

    /** Stops starting new DMs; webhooks not acknowledged yet are still re-delivered. */
    void stopSending() {
        sending = false;
    }

    List<Dm> dms() {
        return List.copyOf(dms);
    }

    int started() {
        return dms.size();
    }

    long unacknowledged() {
        return dms.stream().filter(d -> !d.acknowledged()).count();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        sending = false;
        pacer.shutdown();
    }
}
