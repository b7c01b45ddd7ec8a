package com.sellavie.ai.actiontag;

import java.util.regex.Pattern;

/**
 * Makes text that did not come from the model (the customer's messages, the merchant's catalog)
 * unable to carry an action tag into a prompt: complete tag-like spans are removed, then every run
 * of brackets is cut to a single bracket, so no {@code [[} or {@code ]]} survives to be completed or
 * echoed by the model.
 */
public final class CustomerTextNeutraliser {

    private static final Pattern TAG_LIKE = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);
    private static final Pattern OPENING_RUN = Pattern.compile("\\[{2,}");
    private static final Pattern CLOSING_RUN = Pattern.compile("]{2,}");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private CustomerTextNeutraliser() {
    }

    /** The text with nothing tag-like left in it; {@code null} becomes empty. */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        String withoutTags = TAG_LIKE.matcher(text).replaceAll(" ");
        String noDoubleBrackets = CLOSING_RUN.matcher(OPENING_RUN.matcher(withoutTags).replaceAll("["))
                .replaceAll("]");
        return SPACES.matcher(noDoubleBrackets).replaceAll(" ").strip();
    }
}
