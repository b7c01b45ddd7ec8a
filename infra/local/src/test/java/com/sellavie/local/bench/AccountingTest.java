package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountingTest {

    private static final long MS = 1_000_000L;

    private static Outcome replied(int index, String channel, long dueMillis, long latencyMillis) {
        return new Outcome(index, 0, true, channel, "c" + index, dueMillis * MS, dueMillis, (dueMillis + 5) * MS, 200,
                List.of((dueMillis + latencyMillis) * MS), dueMillis + latencyMillis);
    }

    private static Outcome lost(int index, long dueMillis) {
        return new Outcome(index, 0, true, "INSTAGRAM", "c" + index, dueMillis * MS, dueMillis, (dueMillis + 5) * MS,
                200, List.of(), -1);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            outcomes.add(replied(i, "INSTAGRAM", 0, i));
        }

        Accounting accounting = Accounting.of(outcomes);

        assertThat(accounting.latency().p50()).isEqualTo(50);
        assertThat(accounting.latency().p90()).isEqualTo(90);
        assertThat(accounting.latency().p99()).isEqualTo(99);
        assertThat(accounting.latency().max()).isEqualTo(100);
    }

    @Test
    void windowsGroupDmsByDueTimeFromTheStart() {
        List<Outcome> outcomes = List.of(replied(0, "INSTAGRAM", 1_000, 100), replied(1, "INSTAGRAM", 9_999, 200),
                replied(2, "INSTAGRAM", 10_000, 3_000), lost(3, 25_000));

        Map<Long, Accounting> windows = Accounting.byWindow(outcomes, 0, 10_000);

        assertThat(windows.keySet()).containsExactly(0L, 1L, 2L);
        assertThat(windows.get(0L).dms()).isEqualTo(2);
        assertThat(windows.get(1L).latency().p99()).isEqualTo(3_000);
        assertThat(windows.get(2L).lost()).isEqualTo(1);
    }

    @Test
    void theFirstMinuteHoldsOnlyDmsDueInIt() {
        List<Outcome> outcomes = List.of(replied(0, "INSTAGRAM", 500, 2_000), replied(1, "INSTAGRAM", 59_999, 100),
                replied(2, "INSTAGRAM", 60_000, 100));

        Accounting firstMinute = Accounting.firstStretch(outcomes, 0, 60_000);

        assertThat(firstMinute.dms()).isEqualTo(2);
        assertThat(firstMinute.latency().max()).isEqualTo(2_000);
    }

    @Test
    void channelsAreAccountedApart() {
        List<Outcome> outcomes = List.of(replied(0, "INSTAGRAM", 0, 100), replied(1, "WHATSAPP", 0, 700),
                replied(2, "WHATSAPP", 0, 900));

        Map<String, Accounting> byChannel = Accounting.byChannel(outcomes);

        assertThat(byChannel.keySet()).containsExactly("INSTAGRAM", "WHATSAPP");
        assertThat(byChannel.get("WHATSAPP").dms()).isEqualTo(2);
    }

    @Test
    void aRateIsKeptOnlyWithEveryDmAnsweredOnceWithinTheBound() {
        Accounting fast = Accounting.of(List.of(replied(0, "INSTAGRAM", 0, 900)));
        Accounting slow = Accounting.of(List.of(replied(0, "INSTAGRAM", 0, 1_001)));
        Accounting withLoss = Accounting.of(List.of(replied(0, "INSTAGRAM", 0, 100), lost(1, 0)));
        Accounting empty = Accounting.of(List.of());

        assertThat(fast.keeps(1_000)).isTrue();
        assertThat(slow.keeps(1_000)).isFalse();
        assertThat(withLoss.keeps(1_000)).isFalse();
        assertThat(empty.keeps(1_000)).isFalse();
    }
}
