package com.sellavie.systemtests.containers;

import com.sellavie.systemtests.bench.BenchShop;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Signed Instagram DMs for one account at a steady rate, one new customer and message id per DM, each
 * POSTed to the next instance in turn (as a load balancer would). A DM not answered 200 is delivered again
 * after a back-off, with the same bytes, to the next instance, as Meta re-delivers a webhook, until it is
 * acknowledged; {@link #acknowledgedMids()} are the DMs the system has accepted.
 */
final class SignedDmStream implements AutoCloseable {

    /** One DM: its Meta message id, its bytes, and whether an instance acknowledged it. */
    static final class Dm {
        final String mid;
        final byte[] body;
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean acknowledged;

        Dm(String mid, byte[] body) {
            this.mid = mid;
            this.body = body;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_MS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String account;
    private final String appSecret;
    private final List<Supplier<String>> instances;
    private final ConcurrentLinkedQueue<Dm> dms = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L);
    private volatile boolean sending = true;

    private SignedDmStream(String account, String appSecret, List<Supplier<String>> instances) {
        this.account = account;
        this.appSecret = appSecret;
        this.instances = List.copyOf(instances);
    }

    /** Starts the stream: {@code perSecond} new DMs a second to the instances' base URLs (looked up per send). */
    static SignedDmStream start(String account, String appSecret, List<Supplier<String>> instances, int perSecond) {
        SignedDmStream stream = new SignedDmStream(account, appSecret, instances);
        stream.pacer.scheduleAtFixedRate(stream::sendNext, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        return stream;
    }

    private void sendNext() {
        if (!sending) {
            return;
        }
        int i = next.getAndIncrement();
        long now = System.currentTimeMillis();
        String customer = "IGSID-tc-" + run + "-" + i;
        String mid = "aWdfdGMt" + run + "x" + i;
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":" + now
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + customer + "\"},\"recipient\":{\"id\":\"" + account
                + "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"" + mid
                + "\",\"text\":\"Is the linen shirt number " + i + " in stock?\"}}]}]}";
        Dm dm = new Dm(mid, json.getBytes(StandardCharsets.UTF_8));
        dms.add(dm);
        deliver(dm);
    }

    private void deliver(Dm dm) {
        dm.attempts.incrementAndGet();
        String target;
        try {
            target = instances.get(Math.floorMod(turn.getAndIncrement(), instances.size())).get();
        } catch (RuntimeException e) {
            retryLater(dm);
            return;
        }
        BenchShop.deliver(http, target, appSecret, dm.body)
                .orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error == null && response.statusCode() == 200) {
                        dm.acknowledged = true;
                    } else {
                        retryLater(dm);
                    }
                });
    }

    private void retryLater(Dm dm) {
        failedAttempts.incrementAndGet();
        if (!pacer.isShutdown()) {
            pacer.schedule(() -> deliver(dm), RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** No new DMs from now on; those not acknowledged yet are still re-delivered. */
    void stopSending() {
        sending = false;
    }

    List<Dm> dms() {
        return List.copyOf(dms);
    }

    long unacknowledged() {
        return dms.stream().filter(dm -> !dm.acknowledged).count();
    }

    List<String> acknowledgedMids() {
        return dms.stream().filter(dm -> dm.acknowledged).map(dm -> dm.mid).toList();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        sending = false;
        pacer.shutdownNow();
    }
}
