package com.sellavie.platform.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the Debezium engine on its own thread, with the Kafka producer it sends through. A run
 * ends when it is stopped or fails; the leader then starts a new one, which resumes from the stored offsets.
 * Before the engine streams, the run finishes any republish a new slot asked for (same producer, same thread).
 */
class EngineRun {

    private static final Logger log = LoggerFactory.getLogger(EngineRun.class);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(1);

    /** Work done on the run's thread before the engine starts (the republish); may be abandoned by a stop. */
    interface BeforeStreaming {
        void run(Producer<String, byte[]> producer, BooleanSupplier abandon) throws InterruptedException;
    }

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;

    private EngineRun(Properties config, Producer<String, byte[]> producer, RelayStatus status,
            Function<BooleanSupplier, KafkaForwarder> forwarder, BeforeStreaming before, Consumer<Throwable> onFailure) {
        BooleanSupplier abandon = () -> stopping;
        Thread thread = new Thread(() -> {
            try {
                before.run(producer, abandon);
                if (stopping) {
                    return;
                }
                engine = build(config, status, forwarder.apply(abandon), onFailure, abandon);
                if (!stopping) {
                    engine.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!stopping) {
                    status.failed(e.toString());
                    onFailure.accept(e);
                }
            } finally {
                producer.close(PRODUCER_CLOSE_TIMEOUT);
                finished.countDown();
            }
        }, "outbox-relay-engine");
        thread.setDaemon(true);
        thread.start();
    }

    private static DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> build(Properties config, RelayStatus status,
            KafkaForwarder forwarder, Consumer<Throwable> onFailure, BooleanSupplier stopping) {
        return DebeziumEngine.create(Connect.class)
                .using(config)
                .notifying(forwarder)
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
                    // A batch abandoned because this run is stopping is no failure.
                    if (!success && !stopping.getAsBoolean()) {
                        String reason = error == null ? message : error.toString();
                        status.failed(reason);
                        onFailure.accept(error);
                    }
                })
                .build();
    }

    static EngineRun start(Properties config, Producer<String, byte[]> producer, RelayStatus status,
            Function<BooleanSupplier, KafkaForwarder> forwarder, BeforeStreaming before, Consumer<Throwable> onFailure) {
        return new EngineRun(config, producer, status, forwarder, before, onFailure);
    }

    boolean finished() {
        return finished.getCount() == 0;
    }

    /**
     * Stops the engine: a batch waiting for Kafka is abandoned (not marked, so read again later), the offsets
     * of acknowledged events are stored, the slot is released. Waits at most {@code timeout}; an engine
     * that takes longer (its database unreachable) is left to finish on its daemon thread.
     */
    void stop(Duration timeout) {
        stopping = true;
        // Closing runs on its own thread: Debezium's close() waits for its tasks, which with an unreachable
        // database can take minutes; the caller (a SIGTERM, the coordinator) must not.
        Thread closer = new Thread(this::close, "outbox-relay-engine-close");
        closer.setDaemon(true);
        closer.start();
        if (!awaitFinished(timeout)) {
            log.warn("Relay engine still running {} after it was asked to stop; left to finish in the background", timeout);
        }
    }

    private void close() {
        while (!finished()) {
            DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> current = engine;
            if (current == null) {
                // Still republishing (it sees the flag within 100 ms), or the engine is being built.
                awaitFinished(Duration.ofMillis(100));
                continue;
            }
            try {
                current.close();
                return;
            } catch (IllegalStateException e) {
                // Tasks still starting (closing now could leak their connections), or already stopping.
                awaitFinished(Duration.ofMillis(100));
            } catch (IOException e) {
                log.warn("Relay engine did not close cleanly: {}", e.getMessage());
                return;
            }
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
