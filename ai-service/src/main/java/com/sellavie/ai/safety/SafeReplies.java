package com.sellavie.ai.safety;

import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the customer reads instead of a reply that could not be sent as written, in their language
 * (French or English). Each says only what is true: nothing is promised, no link announced.
 */
public final class SafeReplies {

    /** At most this many products in a catalog facts sentence. */
    static final int MAX_FACTS = 5;

    private SafeReplies() {
    }

    /** Instead of a reply that repeated the system prompt or its canary. */
    public static String withheld(String language) {
        return "fr".equals(language)
                ? "Désolé, je ne peux pas répondre à cela. Je peux vous aider pour nos produits, nos prix et vos commandes."
                : "Sorry, I can't help with that. I can help with our products, prices and your orders.";
    }

    /** Instead of a reply whose CHECKOUT could not be honoured (unknown product, invalid quantity...). */
    public static String orderNotPrepared(String language) {
        return "fr".equals(language)
                ? "Désolé, je n'ai pas pu préparer cette commande : aucun lien de paiement n'est en route."
                : "Sorry, I couldn't prepare that order, so no payment link is on its way.";
    }

    /**
     * The catalog's own prices for the products the rejected text named (else the first few on offer),
     * instead of a reply that stated another price.
     */
    public static String catalogFacts(String language, List<Product> named, List<Product> offered) {
        List<Product> products = (named.isEmpty() ? offered : named).stream().limit(MAX_FACTS).toList();
        boolean french = "fr".equals(language);
        if (products.isEmpty()) {
            return french ? "Désolé, je ne peux pas vous donner de prix pour cela."
                    : "Sorry, I can't give you a price for that.";
        }
        String list = products.stream().map(p -> p.name() + ": " + p.price()).collect(Collectors.joining(", "));
        return (french ? "Voici nos prix : " : "Here are our prices: ") + list + ".";
    }

    /** The careful words for a customer whose message spoke of harming themselves (moderation). */
    public static String selfHarmSupport(String language) {
        return "fr".equals(language)
                ? "Je suis vraiment désolé que vous traversiez cela. J'ai demandé à une personne de notre équipe de lire "
                        + "votre message. Si vous êtes en danger, appelez tout de suite le numéro d'urgence de votre pays."
                : "I'm really sorry you're going through this. I've asked a person from our team to read your message. "
                        + "If you are in danger right now, please call your local emergency number.";
    }
}
