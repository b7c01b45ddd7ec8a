package com.sellavie.platform.relay;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the service's {@link OutboxRelay} with the application context. It starts once every bean exists
 * and before the web server and Kafka listeners (so the replication slot exists before the service can
 * write an event), and stops after them, so events written while draining are still relayed.
 */
class RelayLifecycle implements SmartLifecycle {

    /** Below the web server's start/stop phase (DEFAULT_PHASE - 2048) and the listener containers'. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final OutboxRelay relay;
    private volatile boolean running;

    RelayLifecycle(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void start() {
        relay.start();
        running = true;
    }

    @Override
    public void stop() {
        relay.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
