package com.sellavie.ai.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text reduced to what it says: compatibility forms folded, lower case, words of letters and digits only. */
final class PlainWords {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PlainWords() {
    }

    static List<String> of(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_WORD.split(plain)).filter(word -> !word.isEmpty()).toList();
    }

    /** Letters and digits only, run together: what survives spacing, punctuation and invisible characters. */
    static String squeezed(String text) {
        return String.join("", of(text));
    }
}
