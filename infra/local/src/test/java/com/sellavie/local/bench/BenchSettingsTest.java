package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void withoutOptionsItIsTheIssuesRun() {
        BenchSettings settings = BenchSettings.parse(List.of());

        assertThat(settings).isEqualTo(new BenchSettings(100, 300, 30, 20, "", false, 50, 60, 30));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        BenchSettings settings = BenchSettings.parse(List.of("--rate", "50", "--seconds=60", "--warmup", "0",
                "--shops=5", "--replicas", "conversation=2", "--find-max", "--step", "25", "--step-seconds=30",
                "--drain", "45"));

        assertThat(settings).isEqualTo(new BenchSettings(50, 60, 0, 5, "conversation=2", true, 25, 30, 45));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--rate", "0"))).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--seconds", "ten"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--warmup", "-1"))).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--rate"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--fast"))).hasMessageContaining("unknown option");
    }
}
