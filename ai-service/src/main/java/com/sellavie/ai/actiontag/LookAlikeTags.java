package com.sellavie.ai.actiontag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags in a model's output that only look like tags once folded ({@code ［［CHECKOUT ...］］},
 * {@code ⟦HANDOFF⟧}, a {@code [[} split by a zero-width space, {@code [ [ ... ] ]}): never honoured
 * (only the plain form is), and cut out of what the customer reads instead of being echoed.
 */
final class LookAlikeTags {

    private static final Pattern TAG_LIKE = Pattern.compile("\\[\\s*\\[.*?]\\s*]", Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile("\\[\\s*\\[.*\\z", Pattern.DOTALL);
    private static final Pattern CLOSING_RUN = Pattern.compile("](?:\\s*])+");

    private LookAlikeTags() {
    }

    /** The text without them, and how many were cut. */
    static Stripped strip(String text) {
        LookAlikes.Folded folded = LookAlikes.fold(text);
        List<int[]> cuts = new ArrayList<>();
        int spans = 0;
        int afterLastTag = 0;
        Matcher tag = TAG_LIKE.matcher(folded.text());
        while (tag.find()) {
            cuts.add(new int[] {folded.originalStart(tag.start()), folded.originalEnd(tag.end())});
            afterLastTag = tag.end();
            spans++;
        }
        Matcher unclosed = UNCLOSED.matcher(folded.text()).region(afterLastTag, folded.text().length());
        if (unclosed.find()) {
            cuts.add(new int[] {folded.originalStart(unclosed.start()), folded.originalEnd(unclosed.end())});
            spans++;
        }
        Matcher closing = CLOSING_RUN.matcher(folded.text());
        while (closing.find()) {
            if (!covered(cuts, folded.originalStart(closing.start()))) {
                cuts.add(new int[] {folded.originalStart(closing.start()), folded.originalEnd(closing.end())});
            }
        }
        if (cuts.isEmpty()) {
            return new Stripped(text, 0);
        }
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder kept = new StringBuilder();
        int at = 0;
        for (int[] cut : cuts) {
            if (cut[0] > at) {
                kept.append(text, at, cut[0]).append(' ');
            }
            at = Math.max(at, cut[1]);
        }
        kept.append(text.substring(Math.min(at, text.length())));
        return new Stripped(kept.toString(), Math.max(spans, 1));
    }

    private static boolean covered(List<int[]> cuts, int index) {
        return cuts.stream().anyMatch(cut -> index >= cut[0] && index < cut[1]);
    }

    /** @param spans how many look-alike tags were cut (0: the text is unchanged) */
    record Stripped(String text, int spans) {
    }
}
