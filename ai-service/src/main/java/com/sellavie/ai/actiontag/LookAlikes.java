package com.sellavie.ai.actiontag;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds the tricks that make a tag look like something else to a filter but like a tag to a model or
 * a reader: compatibility forms (full-width letters and brackets, NFKC), characters that draw as one
 * or two square brackets, and invisible characters (zero-width, bidi controls, tag characters) that
 * can split a name or a bracket pair. Folding keeps, for each folded character, where it came from, so
 * a span found in the folded text can be cut out of the original one.
 */
final class LookAlikes {

    /**
     * Invisible format characters, as sorted inclusive code point ranges: zero-width spaces and joiners,
     * bidi controls, variation selectors, Hangul fillers, BOM, interlinear annotation and tag characters.
     * A table rather than a regex: every character of every customer message is looked up here, and a
     * Matcher per character was ai's largest allocation under load (docs/benchmarks.md, "Footprint").
     */
    private static final int[] INVISIBLE = {
            0x00AD, 0x00AD, 0x034F, 0x034F, 0x061C, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180F,
            0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x206F, 0x3164, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
            0xFFA0, 0xFFA0, 0xFFF9, 0xFFFB, 0xE0000, 0xE007F, 0xE0100, 0xE01EF};
    /** Drawn as a double bracket on their own. */
    private static final String DOUBLE_OPENING = "\u27E6\u301A";
    private static final String DOUBLE_CLOSING = "\u27E7\u301B";
    /** Drawn as a square bracket (NFKC already folds the full-width and presentation forms). */
    private static final String OPENING = "\u2045\u2772\u298B\u298D\u298F\u2E22\u2E24\u3010\u3014\u3016\u3018\uFE5D\u2308\u230A";
    private static final String CLOSING = "\u2046\u2773\u298C\u298E\u2990\u2E23\u2E25\u3011\u3015\u3017\u3019\uFE5E\u2309\u230B";

    /** ASCII folds to itself: one shared string per character instead of one per occurrence. */
    private static final String[] ASCII = new String[0x80];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf((char) c);
        }
    }

    private LookAlikes() {
    }

    /** The text folded, with the origin of every folded character. */
    static Folded fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        int[] starts = new int[text.length() * 2 + 4];
        int[] ends = new int[starts.length];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String piece = codePoint < ASCII.length ? ASCII[codePoint] : foldOne(codePoint);
            for (int k = 0; k < piece.length(); k++) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                folded.append(piece.charAt(k));
                starts[count] = i;
                ends[count] = next;
                count++;
            }
            i = next;
        }
        return new Folded(folded.toString(), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** Whether the code point is an invisible format character (dropped by folding). */
    static boolean invisible(int codePoint) {
        for (int i = 0; i < INVISIBLE.length && codePoint >= INVISIBLE[i]; i += 2) {
            if (codePoint <= INVISIBLE[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static String foldOne(int codePoint) {
        String single = Character.toString(codePoint);
        if (invisible(codePoint)) {
            return "";
        }
        if (DOUBLE_OPENING.indexOf(codePoint) >= 0) {
            return "[[";
        }
        if (DOUBLE_CLOSING.indexOf(codePoint) >= 0) {
            return "]]";
        }
        if (OPENING.indexOf(codePoint) >= 0) {
            return "[";
        }
        if (CLOSING.indexOf(codePoint) >= 0) {
            return "]";
        }
        return codePoint < 0x80 ? single : Normalizer.normalize(single, Normalizer.Form.NFKC);
    }

    /**
     * A folded text.
     *
     * @param text   the folded text
     * @param starts for each folded character, the index of the original character it came from
     * @param ends   for each folded character, the index just after that original character
     */
    record Folded(String text, int[] starts, int[] ends) {

        /** The original range of the folded range {@code [from, to)} ({@code to > from}). */
        int originalStart(int from) {
            return starts[from];
        }

        int originalEnd(int to) {
            return ends[to - 1];
        }
    }
}
