package com.sellavie.ai.provider.offline;

import com.sellavie.ai.language.MessageLanguage;
import java.util.List;

/**
 * Everything the offline assistant writes, in the customer's language (English or French). The texts say
 * what it is (an automatic assistant), and promise only what follows: a payment link "is being prepared"
 * because commerce sends it (or says why not), a person "will reply here" because the HANDOFF alerts the
 * team.
 */
record OfflineTexts(
        String handoff,
        String outOfStock,
        String available,
        String howMany,
        String onlyLeft,
        String checkout,
        String catalog,
        String greeting,
        String canHelpWith,
        String canOnlyPassOn,
        String productsAndPrices,
        String and,
        String openingHours,
        String payWith,
        List<String> profileTopics) {

    static final OfflineTexts ENGLISH = new OfflineTexts(
            "Of course! I'm passing you to someone from the %s team, they will reply here shortly.",
            "Sorry, the %s is out of stock right now.",
            "Yes, the %s is available for %s. Would you like to order it?",
            "How many %s would you like? Please send a number from 1 to %d.",
            "We only have %d x %s left. How many would you like?",
            "Great choice! I'm preparing your payment link for %d x %s now; it will arrive in this chat in a moment.",
            "Here is what %s has at the moment: %s. Which one would you like?",
            "Hi! Thanks for messaging %s. ",
            "I'm its automatic assistant: I can help with %s, or pass you to a person from the team.",
            "I'm its automatic assistant: I can pass your message to a person from the team.",
            "our products and prices",
            " and ",
            "Our opening hours: %s",
            "You can pay with: %s",
            List.of("delivery", "returns", "opening hours", "payment"));

    static final OfflineTexts FRENCH = new OfflineTexts(
            "Bien sûr\u00A0! Je vous passe quelqu'un de l'équipe %s, qui vous répondra ici dès que possible.",
            "Désolé, l'article %s est en rupture de stock pour le moment.",
            "Oui, l'article %s est disponible à %s. Voulez-vous le commander\u00A0?",
            "Combien de %s voulez-vous\u00A0? Envoyez un nombre de 1 à %d.",
            "Il ne nous reste que %d x %s. Combien en voulez-vous\u00A0?",
            "Très bon choix\u00A0! Je prépare votre lien de paiement pour %d x %s\u00A0; il arrivera dans cette conversation "
                    + "dans un instant.",
            "Voici ce que %s propose en ce moment\u00A0: %s. Lequel voulez-vous\u00A0?",
            "Bonjour\u00A0! Merci d'avoir écrit à %s. ",
            "Je suis son assistant automatique\u00A0: je peux vous aider pour %s, ou vous passer une personne de l'équipe.",
            "Je suis son assistant automatique\u00A0: je peux transmettre votre message à une personne de l'équipe.",
            "nos produits et leurs prix",
            " et ",
            "Nos horaires d'ouverture\u00A0: %s",
            "Vous pouvez payer par\u00A0: %s",
            List.of("la livraison", "les retours", "les horaires", "le paiement"));

    /** The texts for a customer who wrote {@code message}. */
    static OfflineTexts forMessage(String message) {
        return MessageLanguage.FRENCH.equals(MessageLanguage.of(message)) ? FRENCH : ENGLISH;
    }

    /** "a, b and c" in this language. */
    String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + and + items.getLast();
    }
}
