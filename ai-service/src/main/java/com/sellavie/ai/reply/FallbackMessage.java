package com.sellavie.ai.reply;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}']+");
    private static final Set<String> FRENCH_WORDS = Set.of("bonjour", "bonsoir", "salut", "merci", "je", "j'ai",
            "vous", "est", "c'est", "combien", "livraison", "livrez", "avez", "pouvez", "prix", "le", "la", "les",
            "des", "une", "pour", "avec", "svp", "s'il", "plait", "voudrais", "veux", "oui", "non", "ou", "quand",
            "comment", "pourquoi", "commande", "commander", "et", "du", "au", "aux", "ca", "qui", "que", "quoi", "mon",
            "ma", "mes", "votre", "vos", "suis", "tres", "bien", "encore", "dispo", "disponible", "acheter", "taille");
    private static final Set<String> ENGLISH_WORDS = Set.of("hello", "hi", "hey", "thanks", "thank", "you", "is",
            "the", "a", "an", "how", "much", "do", "does", "can", "i", "i'd", "i'm", "my", "what", "where", "when",
            "want", "price", "order", "please", "yes", "no", "and", "to", "of", "for", "with", "are", "have", "ship",
            "shipping", "deliver", "delivery", "buy", "available", "size", "still", "it", "this", "that");

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
        if (fixedLanguage != null) {
            String apology = BY_LANGUAGE.get(Locale.forLanguageTag(fixedLanguage).getLanguage());
            if (apology != null) {
                return apology;
            }
        }
        return forCustomer(customerText);
    }

    /** {@code fr} or {@code en}: the language the message is most likely in, English when it is unclear. */
    static String language(String text) {
        if (text == null || text.isBlank()) {
            return "en";
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        int french = 0;
        int english = 0;
        for (String word : WORDS.split(plain)) {
            french += FRENCH_WORDS.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word) ? 1 : 0;
        }
        // Letters English does not use are a strong hint ("où", "ça", "très", "é").
        french += text.toLowerCase(Locale.ROOT).chars().filter(c -> "éèêàçùûôîœ".indexOf(c) >= 0).count() > 0 ? 1 : 0;
        return french > english ? "fr" : "en";
    }
}
