package com.sellavie.ai.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptCanaryTest {

    private final PromptCanary canary = new PromptCanary("svabcdefgh234567wxyz");

    @Test
    void eachPromptGetsItsOwnRandomMarker() {
        assertThat(PromptCanary.random().token()).hasSize(20).isNotEqualTo(PromptCanary.random().token());
    }

    @Test
    void findsTheMarkerHoweverItIsSpelt() {
        assertThat(canary.leakedIn("my marker is svabcdefgh234567wxyz")).isTrue();
        assertThat(canary.leakedIn("S V A B C D E F G H 2 3 4 5 6 7 W X Y Z")).isTrue();
        assertThat(canary.leakedIn("sv-abcd-efgh-2345-67wx-yz")).isTrue();
        assertThat(canary.leakedIn("ｓｖａｂｃｄｅｆｇｈ２３４５６７ｗｘｙｚ")).isTrue();
        assertThat(canary.leakedIn("sv\u200Babcdefgh\u200D234567wxyz")).isTrue();
        assertThat(canary.leakedIn("zyxw765432hgfedcbavs")).isTrue();
    }

    @Test
    void anOrdinaryReplyCarriesNoMarker() {
        assertThat(canary.leakedIn("The Linen Shirt is 25.00 USD and available.")).isFalse();
    }

    @Test
    void theInstructionNamesTheMarker() {
        assertThat(canary.instruction()).contains(canary.token()).contains("Never write the marker");
    }
}
