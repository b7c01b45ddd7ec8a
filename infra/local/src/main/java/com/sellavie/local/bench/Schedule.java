package com.sellavie.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * When each DM of a run is due, fixed before the first one goes out (open loop): phases follow each other
 * without a gap, and DM {@code i} of a phase at rate {@code r} is due {@code i / r} seconds after the
 * phase began, whatever happened to the DMs before it.
 */
final class Schedule {

    /** A stretch of load at one rate; {@code measured = false}: a warm-up, sent but not counted. */
    record Phase(String name, int rate, int seconds, boolean measured) {

        int count() {
            return rate * seconds;
        }
    }

    /** One DM's place: its index in the run, its phase, and when it is due after the run began. */
    record Slot(int index, int phase, long offsetNanos) {
    }

    private static final long SECOND = 1_000_000_000L;

    private Schedule() {
    }

    static List<Slot> slots(List<Phase> phases) {
        List<Slot> slots = new ArrayList<>();
        long phaseStart = 0;
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            for (int i = 0; i < phase.count(); i++) {
                // Multiply before dividing: no drift from a rounded period (1 s / 3 is not a whole number of ns).
                slots.add(new Slot(slots.size(), p, phaseStart + i * SECOND / phase.rate()));
            }
            phaseStart += phase.seconds() * SECOND;
        }
        return slots;
    }

    /** A run of one rate: the warm-up (if any), then the measured stretch. */
    static List<Phase> steady(int rate, int warmupSeconds, int seconds) {
        List<Phase> phases = new ArrayList<>();
        if (warmupSeconds > 0) {
            phases.add(new Phase("warm-up", rate, warmupSeconds, false));
        }
        phases.add(new Phase(rate + "/s", rate, seconds, true));
        return phases;
    }
}
