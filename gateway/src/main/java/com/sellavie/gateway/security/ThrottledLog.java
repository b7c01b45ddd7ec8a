package com.sellavie.gateway.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** At most one warning per interval (with how many were held back), so an outage cannot flood the log. */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    public void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        long due = nextAt.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && nextAt.compareAndSet(due, now + intervalNanos)) {
            log.warn("{} ({} similar warnings held back): {}", message, suppressed.getAndSet(0), cause.toString(), cause);
        } else {
            suppressed.incrementAndGet();
        }
    }
}
