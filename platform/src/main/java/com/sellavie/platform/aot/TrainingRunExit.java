package com.sellavie.platform.aot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Ends a JDK AOT cache training run once the service's own application context is refreshed, before its first
 * lifecycle bean starts (no web server, Kafka consumer or relay), so the JVM writes a cache of every class the
 * start loaded. On only with {@value #PROPERTY}{@code =true}, which {@code ./sellavie up} sets on its training run.
 *
 * <p>Spring's own {@code -Dspring.context.exit=onRefresh} halts at the first context refreshed in the JVM, and an
 * OpenFeign client's context (a child, refreshed while the service's context is still creating the client's bean)
 * comes first: ai, identity, ingest and notification stopped there, with 13.5-15.7k of their 22-25k start classes
 * in the cache (docs/benchmarks.md "Local stack start-up", stop 52). This bean lives in the service's context only.
 */
public final class TrainingRunExit implements SmartLifecycle {

    /** The system property or setting that turns it on. */
    public static final String PROPERTY = "sellavie.aot.exit-on-refresh";

    private static final Logger log = LoggerFactory.getLogger(TrainingRunExit.class);

    private final boolean enabled;

    /** Reads the setting when the service starts, not at build time: Spring AOT fixes bean conditions then. */
    public TrainingRunExit(Environment environment) {
        this.enabled = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public void start() {
        log.info("AOT training run: the application context is refreshed, exiting so that the JVM writes its cache");
        // Like Spring's own exit: halt, not exit, so no shutdown hook closes the context and runs its shutdown.
        Runtime.getRuntime().halt(0);
    }

    @Override
    public void stop() {
        // Never started, or the JVM is gone.
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    /** Before every other lifecycle bean of the context. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
