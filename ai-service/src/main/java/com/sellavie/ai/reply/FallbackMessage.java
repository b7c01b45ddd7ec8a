package com.sellavie.ai.reply;

import com.sellavie.ai.language.MessageLanguage;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads when no provider could answer: an apology and the truth (the message went
 * to the team: the reply carries a HANDOFF, which puts the conversation in a person's hands and alerts
 * the merchant), in the customer's language as far as it can be told from the message: French or
 * English, English when unsure. It promises no time and no answer the system cannot guarantee.
 */
final class FallbackMessage {

    static final String ENGLISH = "Sorry, I can't answer right now. I've passed your message on to the team.";
    static final String FRENCH = "Désolé, je ne peux pas vous répondre pour le moment. "
            + "J'ai transmis votre message à l'équipe.";

    private static final Map<String, String> BY_LANGUAGE = Map.of("en", ENGLISH, "fr", FRENCH);

    private FallbackMessage() {
    }

    /** The apology for a customer who wrote {@code customerText} (may be null). */
    static String forCustomer(String customerText) {
        return BY_LANGUAGE.get(language(customerText));
    }

    /**
     * The apology in the business's fixed reply language (AI settings, a BCP 47 tag) when it is one of
     * ours; otherwise, or with none (null), in the customer's as far as it can be told.
     */
    static String forCustomer(String customerText, String fixedLanguage) {
        return BY_LANGUAGE.get(language(customerText, fixedLanguage));
    }

    /**
     * {@code fr} or {@code en} for the texts ai-service writes itself: the business's fixed language
     * (a BCP 47 tag) when it is one of those, else the customer's as far as it can be told.
     */
    static String language(String customerText, String fixedLanguage) {
        if (fixedLanguage != null) {
            String fixed = Locale.forLanguageTag(fixedLanguage).getLanguage();
            if (BY_LANGUAGE.containsKey(fixed)) {
                return fixed;
            }
        }
        return language(customerText);
    }

    /** {@code fr} or {@code en}: the language the message is most likely in, English when it is unclear. */
    static String language(String text) {
        return MessageLanguage.of(text);
    }
}
