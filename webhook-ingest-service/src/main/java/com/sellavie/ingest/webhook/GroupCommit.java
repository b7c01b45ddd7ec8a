package com.sellavie.ingest.webhook;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the database work of concurrent webhooks together: one transaction and one WAL flush for every
 * webhook that arrived while the previous commit ran, instead of one each (issue 12 item 2: the per-webhook
 * commit was ingest's largest cost). A caller waits until the transaction holding its work has committed,
 * so its 200 still means "durable".
 *
 * <p>Batches form by themselves: a writer takes whatever is queued when it becomes free, so a lone webhook
 * waits for nothing. A member that throws is answered with its own exception and the batch is rolled back
 * and run again without it: one bad webhook never fails or loses the others. A failing commit fails every
 * member (each caller answers an error and the provider retries).
 */
public final class GroupCommit implements WebhookCommits, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final BlockingQueue<Member<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    public GroupCommit(TransactionTemplate transactions, int writers, int maxBatch) {
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writers and max batch must be positive");
        }
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofPlatform().name("group-commit-" + i).daemon().start(this::write));
        }
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' work and returns its result once that
     * transaction has committed; rethrows what {@code work} threw, or the commit's failure.
     */
    @Override
    public <T> T commit(Supplier<T> work) {
        if (closed) {
            throw new IllegalStateException("Group commit closed: the service is stopping");
        }
        Member<T> member = new Member<>(work, CONTEXT.captureAll());
        queue.add(member);
        try {
            return member.done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit", e);
        }
    }

    /** Webhooks waiting for a writer. */
    int queued() {
        return queue.size();
    }

    private void write() {
        List<Member<?>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                commitAll(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                // Never leave a caller waiting: whatever happened, each member gets an answer.
                log.error("Group commit writer failed; answering its batch with an error", e);
                batch.forEach(member -> member.done.completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Commits the batch, dropping (and answering) each member that throws and retrying the rest. */
    private void commitAll(List<Member<?>> batch) {
        List<Member<?>> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            Member<?>[] failed = new Member<?>[1];
            try {
                transactions.executeWithoutResult(status -> {
                    for (Member<?> member : pending) {
                        if (!member.run()) {
                            failed[0] = member;
                            status.setRollbackOnly();
                            return;
                        }
                    }
                });
            } catch (RuntimeException commitFailed) {
                pending.forEach(member -> member.done.completeExceptionally(commitFailed));
                return;
            }
            if (failed[0] == null) {
                pending.forEach(Member::complete);
                return;
            }
            failed[0].done.completeExceptionally(failed[0].error);
            pending.remove(failed[0]);
        }
    }

    /** Stops taking work; what is queued is still committed (writers finish it), then the writers end. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread writer : writers) {
            writer.interrupt();
        }
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        Member<?> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("Group commit closed before this work ran"));
        }
    }

    /** One caller's work, run on a writer thread with the caller's context (trace, tenant) restored. */
    private static final class Member<T> {
        final Supplier<T> work;
        final ContextSnapshot context;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;
        RuntimeException error;

        Member(Supplier<T> work, ContextSnapshot context) {
            this.work = work;
            this.context = context;
        }

        /** Runs the work; false when it threw (kept in {@link #error}). */
        boolean run() {
            try (ContextSnapshot.Scope ignored = context.setThreadLocals()) {
                result = work.get();
                return true;
            } catch (RuntimeException e) {
                error = e;
                return false;
            }
        }

        void complete() {
            done.complete(result);
        }
    }
}
