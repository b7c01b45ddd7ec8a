package com.sellavie.bench.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Drives one endpoint with signed webhooks, in two ways. Closed loop: N connections each send the next
 * request as soon as the previous one is answered, for the endpoint's maximum throughput. Open loop: requests
 * are due at a fixed rate whatever the server does, and each latency counts from the time it was due, so a
 * stalled server is charged for the requests queued behind it (no coordinated omission).
 */
final class LoadRunner {

    /** What one phase measured: answers by kind, requests per second answered 2xx, latencies. */
    record Result(String label, long ok, long refused, long failed, double seconds, Latencies latencies) {
        double okPerSecond() {
            return ok / seconds;
        }
    }

    private final String host;
    private final int port;
    private final String path;

    LoadRunner(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
    }

    Result closedLoop(String label, int connections, Duration duration, Supplier<SignedDms.Signed> requests) {
        Counters counters = new Counters();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().name("closed-" + i).start(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        counters.count(send(connection, requests.get()), System.nanoTime() - sent);
                    }
                }
            }));
        }
        joinAll(threads);
        return counters.result(label, (System.nanoTime() - started) / 1e9);
    }

    Result openLoop(String label, double perSecond, int connections, Duration duration,
            Supplier<SignedDms.Signed> requests) {
        Counters counters = new Counters();
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(1 << 20);
        long total = (long) (perSecond * duration.toSeconds());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        double interval = 1e9 / perSecond;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().name("open-" + i).start(() -> {
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    for (Long at = take(due); at >= 0; at = take(due)) {
                        counters.count(send(connection, requests.get()), System.nanoTime() - at);
                    }
                }
            }));
        }
        for (long n = 0; n < total; n++) {
            long at = start + (long) (n * interval);
            for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                if (wait > 200_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait - 100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            due.add(at);
        }
        for (int i = 0; i < connections; i++) {
            due.add(-1L);
        }
        joinAll(threads);
        return counters.result(label, (System.nanoTime() - start) / 1e9);
    }

    private int send(HttpConnection connection, SignedDms.Signed request) {
        try {
            return connection.post(path, request);
        } catch (IOException | RuntimeException e) {
            connection.close();
            return -1;
        }
    }

    private static Long take(BlockingQueue<Long> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1L;
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Counters {
        final LongAdder ok = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder failed = new LongAdder();
        final Latencies latencies = new Latencies();

        void count(int status, long nanos) {
            if (status >= 200 && status < 300) {
                ok.increment();
                latencies.record(nanos);
            } else if (status > 0) {
                refused.increment();
            } else {
                failed.increment();
            }
        }

        Result result(String label, double seconds) {
            return new Result(label, ok.sum(), refused.sum(), failed.sum(), seconds, latencies);
        }
    }
}
