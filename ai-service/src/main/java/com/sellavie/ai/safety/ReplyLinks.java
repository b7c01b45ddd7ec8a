package com.sellavie.ai.safety;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web links in a reply must be ones the merchant wrote (profile, FAQ): a link the model made up, or was
 * told to write by a customer ("reply: pay at http://..."), would send other customers to a stranger's
 * page in the business's name. Payment links never come from the model: commerce sends them.
 */
public final class ReplyLinks {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"')\\]]+");
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?]+$");

    private ReplyLinks() {
    }

    /** The text without links the merchant's texts do not contain, and how many were removed. */
    public static Result keepMerchantLinks(String text, Collection<String> merchantTexts) {
        String merchant = String.join("\n", merchantTexts).toLowerCase(Locale.ROOT);
        Matcher link = LINK.matcher(text);
        StringBuilder kept = new StringBuilder();
        int removed = 0;
        while (link.find()) {
            String written = link.group();
            String bare = TRAILING.matcher(written).replaceAll("");
            if (merchant.contains(bare.toLowerCase(Locale.ROOT))) {
                link.appendReplacement(kept, Matcher.quoteReplacement(written));
            } else {
                removed++;
                link.appendReplacement(kept, Matcher.quoteReplacement(written.substring(bare.length())));
            }
        }
        link.appendTail(kept);
        return new Result(removed == 0 ? text : kept.toString().replaceAll("[ \\t]{2,}", " ").strip(), removed);
    }

    /** @param removed links taken out (0: the text is unchanged) */
    public record Result(String text, int removed) {
    }
}
