package com.sellavie.ai.language;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a customer's message is most likely in, among those the assistant's own texts (apology,
 * offline answers) are written in: French or English, English when it cannot be told. Counting common
 * words is enough for a DM, which is short and rarely mixes languages.
 */
public final class MessageLanguage {

    public static final String ENGLISH = "en";
    public static final String FRENCH = "fr";

    // Words are split at anything but letters, digits and apostrophes, and a token with a digit is not a
    // word: "a" inside an order number or a code ("3fa9b2") must not count as English.
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern DIGIT = Pattern.compile("\\p{N}");
    private static final Set<String> FRENCH_WORDS = Set.of("bonjour", "bonsoir", "salut", "merci", "je", "j'ai",
            "vous", "est", "c'est", "combien", "livraison", "livrez", "avez", "pouvez", "prix", "le", "la", "les",
            "des", "une", "pour", "avec", "svp", "s'il", "plait", "voudrais", "veux", "oui", "non", "ou", "quand",
            "comment", "pourquoi", "commande", "commander", "et", "du", "au", "aux", "ca", "qui", "que", "quoi", "mon",
            "ma", "mes", "votre", "vos", "suis", "tres", "bien", "encore", "dispo", "disponible", "acheter", "taille");
    private static final Set<String> ENGLISH_WORDS = Set.of("hello", "hi", "hey", "thanks", "thank", "you", "is",
            "the", "a", "an", "how", "much", "do", "does", "can", "i", "i'd", "i'm", "my", "what", "where", "when",
            "want", "price", "order", "please", "yes", "no", "and", "to", "of", "for", "with", "are", "have", "ship",
            "shipping", "deliver", "delivery", "buy", "available", "size", "still", "it", "this", "that");

    private MessageLanguage() {
    }

    /** {@link #FRENCH} or {@link #ENGLISH}: the language {@code text} (may be null) is most likely in. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return ENGLISH;
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        int french = 0;
        int english = 0;
        for (String word : WORDS.split(plain)) {
            if (DIGIT.matcher(word).find()) {
                continue;
            }
            french += FRENCH_WORDS.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word) ? 1 : 0;
        }
        // Letters English does not use are a strong hint ("où", "ça", "très", "é").
        french += text.toLowerCase(Locale.ROOT).chars().filter(c -> "éèêàçùûôîœ".indexOf(c) >= 0).count() > 0 ? 1 : 0;
        return french > english ? FRENCH : ENGLISH;
    }
}
