package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The FAQ entry a message asks about: the one sharing the most with it, a shared {@link Topic} counting
 * more than a shared word. "Do you ship abroad?" finds the entry on topic "delivery" ("Do you deliver?");
 * "what products do you sell?" finds none (no content word or topic in common), and then the assistant
 * answers otherwise rather than with an unrelated entry.
 */
final class FaqMatcher {

    private static final int TOPIC_WEIGHT = 2;

    private FaqMatcher() {
    }

    static Optional<Faq> bestFor(Set<String> messageTerms, List<Faq> faqs) {
        Set<Topic> messageTopics = Topic.in(messageTerms);
        return faqs.stream()
                .map(faq -> new Scored(faq, score(messageTerms, messageTopics, faq)))
                .filter(scored -> scored.score() > 0)
                // Ties go to the entry the merchant listed first.
                .max(Comparator.comparingInt(Scored::score).thenComparing(scored -> -faqs.indexOf(scored.faq())))
                .map(Scored::faq);
    }

    private static int score(Set<String> messageTerms, Set<Topic> messageTopics, Faq faq) {
        Set<String> faqTerms = Terms.of(faq.topic() + " " + (faq.question() == null ? "" : faq.question()));
        int sharedWords = (int) faqTerms.stream().filter(messageTerms::contains).count();
        int sharedTopics = (int) Topic.in(faqTerms).stream().filter(messageTopics::contains).count();
        return sharedWords + TOPIC_WEIGHT * sharedTopics;
    }

    private record Scored(Faq faq, int score) {
    }
}
