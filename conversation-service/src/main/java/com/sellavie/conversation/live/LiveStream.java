package com.sellavie.conversation.live;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: its emitter, a bounded queue and the one thread that writes to it. Whoever has
 * something to say only offers it to the queue, so a slow client holds its own writer and nobody else.
 * When the queue overflows (a burst) its backlog is replaced by one {@code reset} (refetch everything,
 * resume after the latest id), which absorbs every later event until it is written. A client whose
 * writer has been stuck on one write longer than the stall timeout is not reading: it is dropped (it
 * reconnects and resumes).
 */
final class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    /** What the writer sends: an event, a {@code reset}, or a heartbeat comment. */
    sealed interface Item {
    }

    record Event(LiveEvent event) implements Item {
    }

    /** @param id the feed's latest id, so the client resumes from there after refetching */
    record Reset(long id) implements Item {
    }

    record Heartbeat() implements Item {
    }

    private final UUID businessId;
    private final String memberId;
    private final SseEmitter emitter;
    private final BlockingQueue<Item> queue;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long stallNanos;
    /** When the write in progress started (System.nanoTime), or 0 between writes. */
    private volatile long writeStartedAt;
    /** The id a pending reset resumes after; raised by the events it absorbs. */
    private volatile long resetId;
    private volatile Consumer<LiveStream> onClose = stream -> { };
    private volatile Thread writer;
    /** A reset replaced the backlog and has not been written yet. */
    private volatile boolean resetPending;

    LiveStream(UUID businessId, String memberId, long timeoutMillis, int buffer, Duration stallTimeout) {
        this.businessId = businessId;
        this.stallNanos = stallTimeout.toNanos();
        this.memberId = memberId;
        this.emitter = new SseEmitter(timeoutMillis);
        this.queue = new ArrayBlockingQueue<>(buffer);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
        emitter.onCompletion(this::close);
    }

    UUID businessId() {
        return businessId;
    }

    String memberId() {
        return memberId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Starts the writer; {@code onClose} runs once when the stream ends, whatever ends it. */
    void start(Consumer<LiveStream> onClose) {
        this.onClose = onClose;
        writer = Thread.ofVirtual().name("live-stream-" + businessId).start(this::write);
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Queues an item without waiting; false when the client stopped reading (or is gone). */
    synchronized boolean offer(Item item) {
        if (closed.get() || stalled()) {
            return false;
        }
        if (item instanceof Heartbeat) {
            queue.offer(item); // a full queue keeps the connection busy anyway
            return true;
        }
        long id = switch (item) {
            case Event(LiveEvent event) -> event.id();
            case Reset(long latest) -> latest;
            case Heartbeat() -> throw new IllegalStateException("unreachable");
        };
        if (resetPending) {
            resetId = Math.max(resetId, id);
            return true;
        }
        if (queue.offer(item)) {
            return true;
        }
        queue.clear();
        resetPending = true;
        resetId = id;
        return queue.offer(new Reset(id));
    }

    private boolean stalled() {
        long started = writeStartedAt;
        return started != 0 && System.nanoTime() - started > stallNanos;
    }

    /** Ends the stream from any thread without waiting for its writer (which may be stuck on a slow socket). */
    void close() {
        if (closed.compareAndSet(false, true)) {
            if (writer != null) {
                writer.interrupt();
            }
            onClose.accept(this);
        }
    }

    private void write() {
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            while (!closed.get()) {
                send(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the emitter already completed): nothing to report.
            log.debug("Live stream of business {} ended: {}", businessId, e.toString());
        } finally {
            close();
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("Live stream already completed: {}", e.toString());
            }
        }
    }

    private void send(Item item) throws IOException {
        writeStartedAt = System.nanoTime();
        try {
            write(item);
        } finally {
            writeStartedAt = 0;
        }
    }

    private void write(Item item) throws IOException {
        switch (item) {
            case Event(LiveEvent event) -> emitter.send(SseEmitter.event().id(Long.toString(event.id()))
                    .name(event.kind()).data(event.data()));
            case Reset(long ignored) -> {
                long id;
                synchronized (this) {
                    id = Math.max(resetId, ignored);
                    resetPending = false;
                }
                emitter.send(SseEmitter.event().id(Long.toString(id)).name("reset").data("{}"));
            }
            case Heartbeat() -> emitter.send(SseEmitter.event().comment(""));
        }
    }
}
