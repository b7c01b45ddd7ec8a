package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void dueTimesAreFixedByIndexAndRateAlone() {
        List<Schedule.Slot> slots = Schedule.slots(List.of(new Schedule.Phase("run", 4, 2, true)));

        assertThat(slots).hasSize(8);
        assertThat(slots).extracting(Schedule.Slot::offsetNanos)
                .containsExactly(0L, SECOND / 4, SECOND / 2, 3 * SECOND / 4, SECOND, 5 * SECOND / 4, 3 * SECOND / 2,
                        7 * SECOND / 4);
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        List<Schedule.Slot> slots = Schedule.slots(List.of(new Schedule.Phase("run", 3, 100, true)));

        assertThat(slots.get(3).offsetNanos()).isEqualTo(SECOND);
        assertThat(slots.get(299).offsetNanos()).isEqualTo(99 * SECOND + 2 * SECOND / 3);
    }

    @Test
    void theMeasuredPhaseStartsRightWhenTheWarmUpEnds() {
        List<Schedule.Phase> phases = Schedule.steady(10, 3, 5);

        List<Schedule.Slot> slots = Schedule.slots(phases);

        assertThat(phases).extracting(Schedule.Phase::measured).containsExactly(false, true);
        assertThat(slots).hasSize(80);
        Schedule.Slot firstMeasured = slots.get(30);
        assertThat(firstMeasured.phase()).isEqualTo(1);
        assertThat(firstMeasured.offsetNanos()).isEqualTo(3 * SECOND);
        assertThat(slots).extracting(Schedule.Slot::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 80).boxed().toList());
    }

    @Test
    void noWarmUpMeansOneMeasuredPhase() {
        assertThat(Schedule.steady(20, 0, 30)).containsExactly(new Schedule.Phase("20/s", 20, 30, true));
    }
}
