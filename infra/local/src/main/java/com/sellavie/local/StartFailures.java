package com.sellavie.local;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The failure a start task ended with, unwrapped to the exception the task threw. */
final class StartFailures {

    private StartFailures() {
    }

    /** Waits for the task; its failure (or an interrupt while waiting) is returned, not thrown. Null: it succeeded. */
    static RuntimeException of(Future<?> start, String what) {
        try {
            start.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("Interrupted while " + what + " were starting", e);
        }
    }

    /** Waits for every task, so none is still running afterwards, then throws the first failure in their order. */
    static void throwFirst(Iterable<? extends Future<?>> starts, String what) {
        RuntimeException first = null;
        for (Future<?> start : starts) {
            RuntimeException failure = of(start, what);
            if (first == null) {
                first = failure;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
