package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.local.ServiceJvm.CacheMode;
import com.sellavie.local.bench.BenchSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceJvmCacheModeTest {

    @Test
    void sellavieAotCacheChoosesTheMode() {
        assertThat(CacheMode.of(null)).isEqualTo(CacheMode.USE);
        assertThat(CacheMode.of(" ")).isEqualTo(CacheMode.USE);
        assertThat(CacheMode.of("off")).isEqualTo(CacheMode.OFF);
        assertThat(CacheMode.of("OFF")).isEqualTo(CacheMode.OFF);
        assertThat(CacheMode.of("record")).isEqualTo(CacheMode.RECORD);
        assertThatThrownBy(() -> CacheMode.of("recrod")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SELLAVIE_AOT_CACHE must be off or record");
    }

    @Test
    void aRecordingStackGivesItsServicesTimeToWriteTheirCachesWhenStopping() {
        assertThat(ServiceJvm.RECORDING_STOP_GRACE).isGreaterThan(ServiceJvm.STOP_GRACE);
    }

    @Test
    void trainingRunsTheBenchsLoadAtItsOwnDefaultsUnlessToldOtherwise() {
        BenchSettings defaults = BenchSettings.parse(BenchCommand.TRAINING_DEFAULTS);
        assertThat(defaults.rate()).isEqualTo(8);
        assertThat(defaults.seconds()).isEqualTo(120);
        assertThat(defaults.warmupSeconds()).isZero();

        List<String> asked = new ArrayList<>(BenchCommand.TRAINING_DEFAULTS);
        asked.addAll(List.of("--rate", "4"));
        assertThat(BenchSettings.parse(asked).rate()).isEqualTo(4);
    }
}
