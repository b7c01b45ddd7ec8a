package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FindMaxTest {

    private static FindMax.Step step(int rate, long p99) {
        return new FindMax.Step(rate, new Accounting(10, 10, 0, 10, 0, 0,
                new Percentiles(10, p99 / 2, p99, p99, p99), new Percentiles(10, 5, 5, 5, 5)));
    }

    @Test
    void ratesClimbByTheStep() {
        assertThat(List.of(FindMax.rateOf(0, 50), FindMax.rateOf(1, 50), FindMax.rateOf(3, 50)))
                .containsExactly(50, 100, 200);
    }

    @Test
    void theHighestKeptRateIsTheLastBeforeTheFirstMiss() {
        List<FindMax.Step> steps = List.of(step(50, 200), step(100, 600), step(150, 2_500), step(200, 300));

        assertThat(FindMax.highestKept(steps)).hasValue(100);
    }

    @Test
    void noRateIsKeptWhenTheFirstStepMisses() {
        assertThat(FindMax.highestKept(List.of(step(50, 1_500)))).isEqualTo(OptionalInt.empty());
    }

    @Test
    void theClimbStopsAtAMissOrAtTheCeiling() {
        assertThat(FindMax.climbOn(step(100, 400), 50)).isTrue();
        assertThat(FindMax.climbOn(step(150, 1_200), 50)).isFalse();
        assertThat(FindMax.climbOn(step(BenchSettings.FIND_MAX_CEILING, 100), 50)).isFalse();
    }
}
