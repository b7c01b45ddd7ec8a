package com.sellavie.ai.safety;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a reply repeats the system prompt: any run of {@value #WORDS} consecutive words of the
 * instructions, except runs the merchant's own texts contain too (a reply may quote an FAQ answer or
 * a catalog line word for word; it may not quote the rules around them).
 */
public final class PromptEcho {

    /** About one sentence: short enough to catch a paraphrased dump, long enough never to occur by chance. */
    static final int WORDS = 8;

    private final Set<String> protectedRuns;

    private PromptEcho(Set<String> protectedRuns) {
        this.protectedRuns = protectedRuns;
    }

    /**
     * @param instructions the system prompt
     * @param merchantTexts the texts of the business it quotes (FAQ, profile, catalog lines, name)
     */
    public static PromptEcho of(String instructions, Collection<String> merchantTexts) {
        Set<String> runs = runs(PlainWords.of(instructions));
        merchantTexts.forEach(text -> runs.removeAll(runs(PlainWords.of(text))));
        return new PromptEcho(runs);
    }

    public boolean echoedIn(String reply) {
        return runs(PlainWords.of(reply)).stream().anyMatch(protectedRuns::contains);
    }

    private static Set<String> runs(List<String> words) {
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + WORDS <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + WORDS)));
        }
        return runs;
    }
}
