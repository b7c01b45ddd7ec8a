package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import com.sellavie.ai.knowledge.KnowledgeDocument.FaqEntry;
import com.sellavie.ai.knowledge.KnowledgeDocument.ProfileEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole {@link KnowledgeUpdate} and turns it into the seed, or reports every problem at once
 * as {field: message} (e.g. {@code faqs[0].topic}). Messages never repeat what was sent.
 */
final class KnowledgeDocumentValidator {

    static final int MAX_ENTRIES = 500;
    static final int MAX_TOPIC = 100;
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 2000;
    static final int MAX_ABOUT = 1000;
    static final int MAX_OPENING_HOURS = 300;
    static final int MAX_DELIVERY = 1000;
    static final int MAX_RETURNS = 1000;
    static final int MAX_PAYMENT_METHODS = 300;
    static final String CATALOG_MOVED = "products are no longer part of the knowledge: the catalog moved to "
            + "commerce, manage it with /api/catalog/products";

    private final Map<String, String> errors = new LinkedHashMap<>();

    private KnowledgeDocumentValidator() {
    }

    /** The seed the document describes; throws {@link InvalidKnowledgeException} listing every problem. */
    static Seed validate(KnowledgeUpdate document) {
        KnowledgeDocumentValidator validator = new KnowledgeDocumentValidator();
        Seed seed = validator.seed(document);
        if (!validator.errors.isEmpty()) {
            throw new InvalidKnowledgeException(validator.errors);
        }
        return seed;
    }

    /** A valid FAQ and profile. */
    record Seed(List<Faq> faqs, Profile profile) {
    }

    private Seed seed(KnowledgeUpdate document) {
        if (document == null) {
            errors.put("faqs", "is required (an empty list clears it)");
            return new Seed(List.of(), Profile.EMPTY);
        }
        List<Faq> faqs = faqs(document.faqs());
        Profile profile = profile(document.profile());
        if (document.products() != null) {
            errors.put("products", CATALOG_MOVED);
        }
        return new Seed(faqs, profile);
    }

    private List<Faq> faqs(List<FaqEntry> entries) {
        if (entries == null) {
            errors.put("faqs", "is required (an empty list clears it)");
            return List.of();
        }
        if (entries.size() > MAX_ENTRIES) {
            errors.put("faqs", "must have at most " + MAX_ENTRIES + " entries");
            return List.of();
        }
        List<Faq> faqs = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "faqs[" + i + "]";
            FaqEntry entry = entries.get(i);
            if (entry == null) {
                errors.put(at, "must not be null");
                continue;
            }
            String topic = text(at + ".topic", entry.topic(), MAX_TOPIC, true);
            if (topic != null && !topics.add(topic.toLowerCase(Locale.ROOT))) {
                errors.put(at + ".topic", "is already used by another FAQ of this request");
            }
            String question = text(at + ".question", entry.question(), MAX_QUESTION, false);
            String answer = text(at + ".answer", entry.answer(), MAX_ANSWER, true);
            faqs.add(new Faq(topic, question == null ? topic : question, answer));
        }
        return faqs;
    }

    /** Absent = no profile; each field optional, blank = absent. */
    private Profile profile(ProfileEntry entry) {
        if (entry == null) {
            return Profile.EMPTY;
        }
        return new Profile(text("profile.about", entry.about(), MAX_ABOUT, false),
                text("profile.openingHours", entry.openingHours(), MAX_OPENING_HOURS, false),
                text("profile.delivery", entry.delivery(), MAX_DELIVERY, false),
                text("profile.returns", entry.returns(), MAX_RETURNS, false),
                text("profile.paymentMethods", entry.paymentMethods(), MAX_PAYMENT_METHODS, false));
    }

    /** The stripped text, or {@code null} (absent, or an error recorded). */
    private String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "must not be blank");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.put(field, "must not contain control characters");
            return null;
        }
        return text;
    }
}
