package com.sellavie.local.bench;

import java.util.List;
import java.util.OptionalInt;

/**
 * {@code --find-max}: the rate climbs by a fixed step while each step keeps p99 within the bound with no DM
 * lost or duplicated; the answer is the highest rate kept before the first step that did not.
 */
final class FindMax {

    /** One step's rate and what its DMs did. */
    record Step(int rate, Accounting accounting) {

        boolean kept() {
            return accounting.keeps(BenchSettings.FIND_MAX_P99_MILLIS);
        }
    }

    private FindMax() {
    }

    /** The rate of step {@code n} (from 0): {@code step}, {@code 2 x step}, ... */
    static int rateOf(int n, int step) {
        return (n + 1) * step;
    }

    /** Whether to run another step after {@code last}. */
    static boolean climbOn(Step last, int step) {
        return last.kept() && last.rate() + step <= BenchSettings.FIND_MAX_CEILING;
    }

    /** The highest rate of the unbroken run of kept steps from the first; empty if the first missed. */
    static OptionalInt highestKept(List<Step> steps) {
        OptionalInt highest = OptionalInt.empty();
        for (Step step : steps) {
            if (!step.kept()) {
                break;
            }
            highest = OptionalInt.of(step.rate());
        }
        return highest;
    }
}
