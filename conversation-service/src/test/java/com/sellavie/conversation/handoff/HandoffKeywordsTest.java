package com.sellavie.conversation.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffKeywordsTest {

    private static final List<String> DEFAULTS = HandoffSettings.DEFAULT_KEYWORDS;

    @Test
    void aMessageThatIsOnlyAKeywordAsksForAPerson() {
        assertThat(HandoffKeywords.match("Agent!", DEFAULTS)).contains("agent");
        assertThat(HandoffKeywords.match("  HUMAN please ", DEFAULTS)).contains("human");
        assertThat(HandoffKeywords.match("pls agent", DEFAULTS)).contains("agent");
    }

    @Test
    void aSingleWordKeywordInsideASentenceDoesNotFire() {
        assertThat(HandoffKeywords.match("is this human hair?", DEFAULTS)).isEmpty();
        assertThat(HandoffKeywords.match("Is the agent fee included?", DEFAULTS)).isEmpty();
        assertThat(HandoffKeywords.match("one person or two?", DEFAULTS)).isEmpty();
    }

    @Test
    void aPhraseMatchesAnywhereOnWordBoundaries() {
        assertThat(HandoffKeywords.match("Hello, can I talk to a person? Thanks", DEFAULTS)).contains("talk to a person");
        assertThat(HandoffKeywords.match("I want CUSTOMER   SERVICE now", DEFAULTS)).contains("customer service");
        assertThat(HandoffKeywords.match("customer services", DEFAULTS)).isEmpty();
    }

    @Test
    void theBusinessesOwnWordsWorkInAnyScript() {
        assertThat(HandoffKeywords.match("Mo fẹ́ bá ènìyàn sọ̀rọ̀", List.of("bá ènìyàn sọ̀rọ̀"))).isPresent();
        assertThat(HandoffKeywords.match("nobody", List.of())).isEmpty();
        assertThat(HandoffKeywords.match(null, DEFAULTS)).isEmpty();
    }
}
