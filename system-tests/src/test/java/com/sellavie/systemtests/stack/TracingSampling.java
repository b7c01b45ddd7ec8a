package com.sellavie.systemtests.stack;

/** {@code -Dsellavie.stack.tracing}: the share of traces the stack's services sample and export. */
final class TracingSampling {

    private TracingSampling() {
    }

    /** {@code true} (every trace), {@code false} (none) or a probability from 0 to 1. */
    static double parse(String value) {
        String given = value.strip();
        if (given.equalsIgnoreCase("true")) {
            return 1.0;
        }
        if (given.equalsIgnoreCase("false")) {
            return 0.0;
        }
        double probability;
        try {
            probability = Double.parseDouble(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "sellavie.stack.tracing must be true, false or a probability from 0 to 1, was '" + value + "'");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "sellavie.stack.tracing must be a probability from 0 to 1, was '" + value + "'");
        }
        return probability;
    }
}
