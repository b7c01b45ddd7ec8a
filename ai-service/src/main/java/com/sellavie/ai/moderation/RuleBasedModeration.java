package com.sellavie.ai.moderation;

import com.sellavie.ai.moderation.ModerationVerdict.Category;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * English and French phrases of self-harm, threats and abuse, matched on a folded form of the message
 * (accents, case, full-width forms, invisible characters and common digit-for-letter swaps undone), so
 * "Je vais te TUER" and "k1ll y0u" are found. Deliberately phrases rather than single words where a
 * word alone is ordinary ("kill" in "these prices kill me" is not a threat).
 */
public final class RuleBasedModeration {

    static final String SOURCE = "rules";

    private static final Map<Category, Pattern> RULES = new LinkedHashMap<>();

    static {
        RULES.put(Category.SELF_HARM, words(
                "kill(ing)? myself", "end(ing)? my life", "take my (own )?life", "suicid(e|al)", "want(ed)? to die",
                "wanna die", "(hurt|harm|cut)(ing)? myself", "self[ -]?harm", "no reason to live",
                "better off dead", "me suicider", "me tuer", "mettre fin a (mes jours|ma vie)", "en finir avec la vie",
                "envie de mourir", "veux mourir", "me faire du mal", "me scarifier", "plus envie de vivre"));
        RULES.put(Category.THREAT, words(
                "(i will|i'll|ill|im going to|i'm going to|gonna) (kill|hurt|shoot|stab|beat) (you|u|ya)",
                "kill (you|u) all", "you('re| are) dead", "(burn|blow up) (down )?your (shop|store|house|office)",
                "watch your back", "i know where you live",
                "je vais (te|vous) (tuer|retrouver|frapper|faire du mal|buter)", "(tu es|t'es|t es|vous etes) (mort|morts)",
                "(bruler|faire sauter) (ta|votre) (boutique|maison|magasin)", "gare a (toi|vous)",
                "je sais ou tu (habites|vis)"));
        RULES.put(Category.ABUSE, words(
                "fuck (you|u|off)", "motherfucker", "bitch", "bastard", "asshole", "cunt", "whore", "slut", "retard",
                "piece of shit", "dickhead", "connard", "connasse", "salope", "pute", "encule", "ta gueule",
                "nique ta mere", "ntm", "fils de pute", "batard", "va te faire foutre", "pauvre con", "abruti"));
    }

    private RuleBasedModeration() {
    }

    public static ModerationVerdict check(String message) {
        String folded = fold(message);
        for (Map.Entry<Category, Pattern> rule : RULES.entrySet()) {
            if (rule.getValue().matcher(folded).find()) {
                // The rule, never the customer's words: logs keep no message text.
                return new ModerationVerdict(rule.getKey(), SOURCE, "English/French " + rule.getKey().label()
                        + " phrases");
            }
        }
        return ModerationVerdict.clean(SOURCE);
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", phrases) + ")(?![\\p{L}\\p{N}])");
    }

    static String fold(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC)
                .replaceAll("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]", "")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder swapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inWord = i > 0 && Character.isLetter(text.charAt(i - 1))
                    || i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            swapped.append(inWord ? switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '$' -> 's';
                default -> c;
            } : c);
        }
        return swapped.toString().replaceAll("\\s+", " ");
    }
}
