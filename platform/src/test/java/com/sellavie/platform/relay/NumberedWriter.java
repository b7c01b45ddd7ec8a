package com.sellavie.platform.relay;

import com.sellavie.platform.outbox.Outbox;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes events numbered 0, 1, 2... through the outbox, one transaction each, at a steady pace, until stopped. */
final class NumberedWriter implements AutoCloseable {

    private final AtomicInteger written = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    NumberedWriter(Outbox outbox, TransactionTemplate transactions, String keyPrefix, long pauseMillis) {
        this.thread = new Thread(() -> {
            try {
                while (running) {
                    int n = written.get();
                    transactions.executeWithoutResult(
                            status -> outbox.publish(Events.inboundMessage(Integer.toString(n)), keyPrefix + n));
                    written.incrementAndGet();
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "numbered-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many events are committed: numbers 0 to written() - 1. */
    int written() {
        if (failure != null) {
            throw failure;
        }
        return written.get();
    }

    /** Stops writing; returns how many events were committed. */
    int stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        return written();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
