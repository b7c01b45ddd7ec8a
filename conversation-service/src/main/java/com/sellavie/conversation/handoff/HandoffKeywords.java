package com.sellavie.conversation.handoff;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does a customer's message ask for a person? Both sides are normalised (lower case, accents kept,
 * punctuation and emoji dropped, whitespace collapsed), then:
 * <ul>
 *   <li>a one-word keyword ("agent", "human") matches only a message that is that word, optionally
 *       with "please"/"pls" around it ("Agent!", "human please") — so "is this human hair?" does not;</li>
 *   <li>a phrase of several words ("talk to a person") matches anywhere in the message, on word
 *       boundaries ("Can I talk to a person?").</li>
 * </ul>
 */
final class HandoffKeywords {

    private static final List<String> COURTESY = List.of("please", "pls", "plz");

    private HandoffKeywords() {
    }

    /** The keyword the message matched, if any. */
    static Optional<String> match(String message, List<String> keywords) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(message);
        String bare = withoutCourtesy(text);
        for (String keyword : keywords) {
            String k = normalise(keyword);
            if (k.isEmpty()) {
                continue;
            }
            boolean phrase = k.indexOf(' ') > 0;
            if (phrase ? (" " + text + " ").contains(" " + k + " ") : bare.equals(k)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return nfc.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
    }

    private static String withoutCourtesy(String text) {
        String result = text;
        for (String word : COURTESY) {
            if (result.startsWith(word + " ")) {
                result = result.substring(word.length() + 1);
            }
            if (result.endsWith(" " + word)) {
                result = result.substring(0, result.length() - word.length() - 1);
            }
        }
        return result;
    }
}
