package com.sellavie.ai.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.moderation.ModerationVerdict.Category;
import org.junit.jupiter.api.Test;

class RuleBasedModerationTest {

    @Test
    void findsSelfHarmInEnglishAndFrench() {
        assertThat(category("I want to end my life")).isEqualTo(Category.SELF_HARM);
        assertThat(category("honestly I might kill myself tonight")).isEqualTo(Category.SELF_HARM);
        assertThat(category("J'ai envie de mourir, plus rien n'a de sens")).isEqualTo(Category.SELF_HARM);
        assertThat(category("je veux me suicider")).isEqualTo(Category.SELF_HARM);
    }

    @Test
    void findsThreatsInEnglishAndFrench() {
        assertThat(category("If my order is late I will hurt you")).isEqualTo(Category.THREAT);
        assertThat(category("I'll burn down your shop")).isEqualTo(Category.THREAT);
        assertThat(category("Je vais te TUER")).isEqualTo(Category.THREAT);
        assertThat(category("je sais où tu habites")).isEqualTo(Category.THREAT);
    }

    @Test
    void findsAbuseInEnglishAndFrench() {
        assertThat(category("you useless bitch")).isEqualTo(Category.ABUSE);
        assertThat(category("fuck off")).isEqualTo(Category.ABUSE);
        assertThat(category("Espèce de connard")).isEqualTo(Category.ABUSE);
        assertThat(category("va te faire foutre")).isEqualTo(Category.ABUSE);
    }

    @Test
    void seesThroughCaseAccentsFullWidthInvisibleCharactersAndDigitsForLetters() {
        assertThat(category("I'LL K1LL Y0U")).isEqualTo(Category.THREAT);
        assertThat(category("ｆｕｃｋ ｏｆｆ")).isEqualTo(Category.ABUSE);
        assertThat(category("con\u200Bnard")).isEqualTo(Category.ABUSE);
        assertThat(category("je vais vous tuer")).isEqualTo(Category.THREAT);
    }

    @Test
    void ordinaryMessagesAreNotFlagged() {
        assertThat(category("These prices kill me, any discount?")).isNull();
        assertThat(category("Do you ship to Abuja? My computer broke")).isNull();
        assertThat(category("Je voudrais 2 chemises en lin, c'est possible ?")).isNull();
        assertThat(category("Is LS-001 available in size M?")).isNull();
        assertThat(category("I'll find you on Instagram, thanks!")).isNull();
    }

    @Test
    void theVerdictNamesTheRuleNeverTheMessage() {
        ModerationVerdict verdict = RuleBasedModeration.check("I want to die, my secret code is 4242");

        assertThat(verdict.source()).isEqualTo("rules");
        assertThat(verdict.handoffReason()).startsWith("Flagged by moderation: self-harm (rules")
                .doesNotContain("4242", "die");
    }

    private static Category category(String message) {
        return RuleBasedModeration.check(message).category();
    }
}
