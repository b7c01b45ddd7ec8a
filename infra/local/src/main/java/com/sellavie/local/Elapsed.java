package com.sellavie.local;

import java.util.Locale;

/** Human-readable elapsed time for progress lines, e.g. {@code 4.2 s}. */
final class Elapsed {

    private Elapsed() {
    }

    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
