package com.sellavie.ai.actiontag;

import java.util.regex.Pattern;

/** Tidies the text left once tags are cut out of it: no doubled spaces, no space before punctuation. */
final class ReplyText {

    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([.,!?;:])");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private ReplyText() {
    }

    static String tidy(String text) {
        String single = SPACES.matcher(text).replaceAll(" ");
        String punctuated = SPACE_BEFORE_PUNCTUATION.matcher(single).replaceAll("$1");
        String lines = TRAILING_SPACES.matcher(punctuated).replaceAll("\n");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
}
