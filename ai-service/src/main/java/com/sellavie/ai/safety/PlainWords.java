package com.sellavie.ai.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text reduced to what it says: compatibility forms folded, lower case, words of letters and digits only. */
final class PlainWords {

    private PlainWords() {
    }

    /**
     * The words: maximal runs of letters and digits ({@code \p{L}}, {@code \p{N}}). A scan of code points,
     * not a regex split: every prompt and every merchant text of every reply passes here, and the split's
     * character classes were among the reply screen's largest costs (docs/benchmarks.md, "Assistant").
     */
    static List<String> of(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < plain.length(); ) {
            int codePoint = plain.codePointAt(i);
            if (letterOrNumber(codePoint)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                words.add(plain.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(plain.substring(start));
        }
        return words;
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a decimal, letter or other number. */
    static boolean letterOrNumber(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Letters and digits only, run together: what survives spacing, punctuation and invisible characters. */
    static String squeezed(String text) {
        return String.join("", of(text));
    }
}
