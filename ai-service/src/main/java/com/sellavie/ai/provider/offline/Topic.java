package com.sellavie.ai.provider.offline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a question is about, whatever word the customer chose: "Do you ship abroad?", "delivery to
 * Ikeja?" and "livrez-vous à Cotonou ?" are all {@link #DELIVERY}. Each topic is a synonym group in
 * English and French, matched on stems ({@link Terms}), so inflections come for free.
 */
enum Topic {

    DELIVERY("deliver", "delivery", "ship", "shipping", "shipment", "courier", "dispatch", "abroad", "overseas",
            "international", "livraison", "livrer", "livrez", "expedition", "expedier", "envoi", "etranger"),
    RETURNS("return", "refund", "exchange", "swap", "remboursement", "rembourser", "retour", "retourner", "echange",
            "echanger"),
    HOURS("open", "opening", "hours", "close", "closing", "closed", "horaire", "ouvert", "ouverture", "fermeture"),
    PAYMENT("pay", "payment", "card", "transfer", "cash", "paiement", "payer", "carte", "virement", "especes");

    private final Set<String> stems;

    Topic(String... words) {
        this.stems = Terms.of(String.join(" ", List.of(words)));
    }

    /** The topics whose words {@code terms} (stems from {@link Terms#of}) contain. */
    static Set<Topic> in(Set<String> terms) {
        Set<Topic> found = EnumSet.noneOf(Topic.class);
        for (Topic topic : values()) {
            if (terms.stream().anyMatch(topic.stems::contains)) {
                found.add(topic);
            }
        }
        return found;
    }
}
