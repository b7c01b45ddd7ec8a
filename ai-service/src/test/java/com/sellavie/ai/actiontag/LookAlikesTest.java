package com.sellavie.ai.actiontag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LookAlikesTest {

    /** The set as it was written first, as a regex over Unicode's format characters: the specification. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E"
                    + "\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]"
                    + "|[\\x{E0000}-\\x{E007F}]|[\\x{E0100}-\\x{E01EF}]");

    @Test
    void everyCodePointIsInvisibleExactlyWhenTheSpecificationSaysSo() {
        int[] disagreeing = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(c -> LookAlikes.invisible(c) != INVISIBLE.matcher(Character.toString(c)).matches())
                .toArray();

        assertThat(disagreeing).isEmpty();
        assertThat(IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(LookAlikes::invisible).count())
                .isEqualTo(428);
    }

    @Test
    void asciiFoldsToItselfCharacterByCharacter() {
        LookAlikes.Folded folded = LookAlikes.fold("[[pay_link 2]] ok");

        assertThat(folded.text()).isEqualTo("[[pay_link 2]] ok");
        assertThat(folded.starts()).containsExactly(IntStream.range(0, 17).toArray());
        assertThat(folded.ends()).containsExactly(IntStream.rangeClosed(1, 17).toArray());
    }

    @Test
    void foldingDropsInvisiblesAndKeepsWhereEachFoldedCharacterCameFrom() {
        // a zero-width space inside the name, a double bracket drawn as one character, a full-width digit
        String text = "\u27E6pay\u200B_link\uFF12\u27E7";

        LookAlikes.Folded folded = LookAlikes.fold(text);

        assertThat(folded.text()).isEqualTo("[[pay_link2]]");
        assertThat(folded.originalStart(0)).isZero();
        assertThat(folded.originalEnd(2)).isEqualTo(1);
        assertThat(text.substring(folded.originalStart(4), folded.originalEnd(6))).isEqualTo("y\u200B_");
        assertThat(text.substring(folded.originalStart(10), folded.originalEnd(11))).isEqualTo("\uFF12");
        assertThat(folded.originalEnd(13)).isEqualTo(text.length());
    }
}
