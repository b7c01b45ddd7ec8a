package com.sellavie.platform.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the Debezium engine on its own thread, with the Kafka producer it sends through. A run
 * ends when it is stopped or fails; the leader then starts a new one, which resumes from the stored offsets.
 */
class EngineRun {

    private static final Logger log = LoggerFactory.getLogger(EngineRun.class);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private final CountDownLatch finished = new CountDownLatch(1);

    private EngineRun(Properties config, Producer<String, byte[]> producer, RelayStatus status,
            Consumer<Throwable> onFailure) {
        this.engine = DebeziumEngine.create(Connect.class)
                .using(config)
                .notifying(new KafkaForwarder(producer, status))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        status.streaming(true);
                    }

                    @Override
                    public void pollingStopped() {
                        status.streaming(false);
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        String reason = error == null ? message : error.toString();
                        status.failed(reason);
                        onFailure.accept(error);
                    }
                })
                .build();
        Thread thread = new Thread(() -> {
            try {
                engine.run();
            } finally {
                producer.close(PRODUCER_CLOSE_TIMEOUT);
                finished.countDown();
            }
        }, "outbox-relay-engine");
        thread.setDaemon(true);
        thread.start();
    }

    static EngineRun start(Properties config, Producer<String, byte[]> producer, RelayStatus status,
            Consumer<Throwable> onFailure) {
        return new EngineRun(config, producer, status, onFailure);
    }

    boolean finished() {
        return finished.getCount() == 0;
    }

    /**
     * Stops the engine: the batch in flight finishes (or is abandoned and replayed later), the offsets of
     * acknowledged events are stored, the slot is released. Waits at most {@code timeout}.
     */
    void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished() && System.nanoTime() < deadline) {
            try {
                engine.close();
                break;
            } catch (IllegalStateException e) {
                // Tasks still starting (closing now could leak their connections), or already stopping.
                awaitFinished(Duration.ofMillis(100));
            } catch (IOException e) {
                log.warn("Relay engine did not close cleanly: {}", e.getMessage());
                break;
            }
        }
        long left = Math.max(0, deadline - System.nanoTime());
        if (!awaitFinished(Duration.ofNanos(left))) {
            log.warn("Relay engine still running {} after it was asked to stop", timeout);
        }
    }

    private boolean awaitFinished(Duration timeout) {
        try {
            return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished();
        }
    }
}
