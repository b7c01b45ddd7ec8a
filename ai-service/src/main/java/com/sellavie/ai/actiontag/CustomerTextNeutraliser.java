package com.sellavie.ai.actiontag;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes text that did not come from the model (the customer's messages, the merchant's profile, FAQ
 * and product names) unable to carry an action tag into a prompt. The text is folded first
 * ({@link LookAlikes}: full-width forms, characters drawn as square brackets, zero-width and bidi
 * characters that split a tag), then complete tag-like spans are removed and every run of brackets
 * (spaces between them or not) is cut to a single bracket, so no {@code [[} or {@code ]]} survives to
 * be completed or echoed by the model.
 */
public final class CustomerTextNeutraliser {

    private static final Pattern TAG_LIKE = Pattern.compile("\\[\\s*\\[.*?]\\s*]", Pattern.DOTALL);
    private static final Pattern OPENING_RUN = Pattern.compile("\\[(?:\\s*\\[)+");
    private static final Pattern CLOSING_RUN = Pattern.compile("](?:\\s*])+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private CustomerTextNeutraliser() {
    }

    /** What neutralising found in a text (for the log: never the text itself). */
    public enum Trick {
        /** A complete {@code [[...]]} span. */
        TAG,
        /** A bracket run left over ({@code [[} without its end, {@code ] ]}). */
        BRACKET_RUN,
        /** Invisible characters (zero-width, bidi controls...). */
        INVISIBLE,
        /** Compatibility or look-alike characters (full-width letters, {@code ［}, {@code ⟦}...). */
        LOOK_ALIKE
    }

    /**
     * @param text   the neutral text
     * @param tricks what was removed or folded on the way
     */
    public record Neutralised(String text, Set<Trick> tricks) {

        public Neutralised {
            tricks = tricks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tricks));
        }
    }

    /** The text with nothing tag-like left in it; {@code null} becomes empty. */
    public static String neutralise(String text) {
        return inspect(text).text();
    }

    /** {@link #neutralise(String)} and what it found. */
    public static Neutralised inspect(String text) {
        if (text == null) {
            return new Neutralised("", Set.of());
        }
        Set<Trick> tricks = EnumSet.noneOf(Trick.class);
        String folded = LookAlikes.fold(text).text();
        // Folding drops every invisible character and changes every look-alike: a text it leaves as it was
        // has neither (most merchant texts and messages), so the two scans are skipped.
        if (!folded.equals(text)) {
            if (text.codePoints().anyMatch(LookAlikes::invisible)) {
                tricks.add(Trick.INVISIBLE);
            }
            if (!folded.equals(text.codePoints().filter(c -> !LookAlikes.invisible(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())) {
                tricks.add(Trick.LOOK_ALIKE);
            }
        }
        String noDoubleBrackets = folded;
        // Each bracket pattern starts with a bracket: without one, none can match.
        if (folded.indexOf('[') >= 0 || folded.indexOf(']') >= 0) {
            String withoutTags = TAG_LIKE.matcher(folded).replaceAll(" ");
            if (!withoutTags.equals(folded)) {
                tricks.add(Trick.TAG);
            }
            noDoubleBrackets = CLOSING_RUN.matcher(OPENING_RUN.matcher(withoutTags).replaceAll("["))
                    .replaceAll("]");
            if (!noDoubleBrackets.equals(withoutTags)) {
                tricks.add(Trick.BRACKET_RUN);
            }
        }
        String spaced = hasSpaceRun(noDoubleBrackets) ? SPACES.matcher(noDoubleBrackets).replaceAll(" ")
                : noDoubleBrackets;
        return new Neutralised(spaced.strip(), tricks);
    }

    /** Whether {@link #SPACES} can match: a scan instead of the regex's per-character class test. */
    private static boolean hasSpaceRun(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (spaceOrTab(text.charAt(i)) && spaceOrTab(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean spaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }
}
