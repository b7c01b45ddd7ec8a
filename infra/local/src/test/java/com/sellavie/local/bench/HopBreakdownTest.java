package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopBreakdownTest {

    private static final long MS = 1_000_000L;

    private static Outcome dm(String customer, long dueMillis, long sendMillis) {
        return new Outcome(0, 0, true, "INSTAGRAM", customer, dueMillis * MS, dueMillis, -1, -1,
                List.of(sendMillis * MS), sendMillis);
    }

    @Test
    void eachHopIsTheStepBetweenOneJourneysEvents() {
        // Given one DM due at 1000 whose journey (correlation j1) reached each topic in turn
        List<TopicTimes.Seen> records = List.of(
                new TopicTimes.Seen(TopicTimes.INBOUND, "17841900000001:1200000001", 1_040, "j1"),
                new TopicTimes.Seen(TopicTimes.REPLY_REQUESTS, "conversation-1", 1_100, "j1"),
                new TopicTimes.Seen(TopicTimes.AI_REPLIES, "conversation-1", 1_180, "j1"),
                new TopicTimes.Seen(TopicTimes.INBOUND, "17841900000001:someone-else", 1_050, "j2"));

        HopBreakdown.Hops hops = HopBreakdown.of(records, List.of(dm("1200000001", 1_000, 1_230)));

        assertThat(hops.millis().get(HopBreakdown.INGEST)).containsExactly(40L);
        assertThat(hops.millis().get(HopBreakdown.CONVERSATION)).containsExactly(60L);
        assertThat(hops.millis().get(HopBreakdown.AI)).containsExactly(80L);
        assertThat(hops.millis().get(HopBreakdown.SEND)).containsExactly(50L);
        assertThat(hops.duplicateInbound()).isZero();
    }

    @Test
    void aDmIngestedTwiceIsCountedAndItsFirstEventCounts() {
        List<TopicTimes.Seen> records = List.of(
                new TopicTimes.Seen(TopicTimes.INBOUND, "106590000000001:1200000001", 1_300, "j2"),
                new TopicTimes.Seen(TopicTimes.INBOUND, "106590000000001:1200000001", 1_020, "j1"));

        HopBreakdown.Hops hops = HopBreakdown.of(records, List.of(dm("1200000001", 1_000, 2_000)));

        assertThat(hops.duplicateInbound()).isEqualTo(1);
        assertThat(hops.millis().get(HopBreakdown.INGEST)).containsExactly(20L);
    }

    @Test
    void aDmThatNeverReachedKafkaIsCountedWithoutInbound() {
        HopBreakdown.Hops hops = HopBreakdown.of(List.of(), List.of(dm("1200000001", 1_000, 2_000)));

        assertThat(hops.withoutInbound()).isEqualTo(1);
        assertThat(hops.millis().get(HopBreakdown.INGEST)).isEmpty();
    }
}
