package com.sellavie.ai.knowledge;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.knowledge.KnowledgeDocument.FaqEntry;
import com.sellavie.ai.knowledge.KnowledgeDocument.ProductEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole {@link KnowledgeDocument} and turns it into the seed, or reports every problem at
 * once as {field: message} (e.g. {@code products[0].sku}). Messages never repeat what was sent.
 */
final class KnowledgeDocumentValidator {

    static final int MAX_ENTRIES = 500;
    static final int MAX_SKU = 64;
    static final int MAX_TOPIC = 100;
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    /** numeric(12, 2) holds up to this. */
    static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    /**
     * A sku is written into CHECKOUT tags ({@code sku="..."}) and matched in customers' messages: a
     * plain charset keeps it from ever breaking or forging a tag.
     */
    private static final Pattern SKU = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Map<String, String> errors = new LinkedHashMap<>();

    private KnowledgeDocumentValidator() {
    }

    /** The seed the document describes; throws {@link InvalidKnowledgeException} listing every problem. */
    static Seed validate(KnowledgeDocument document) {
        KnowledgeDocumentValidator validator = new KnowledgeDocumentValidator();
        Seed seed = validator.seed(document);
        if (!validator.errors.isEmpty()) {
            throw new InvalidKnowledgeException(validator.errors);
        }
        return seed;
    }

    /** A valid FAQ and catalog. */
    record Seed(List<Faq> faqs, List<Product> products) {
    }

    private Seed seed(KnowledgeDocument document) {
        if (document == null) {
            errors.put("faqs", required());
            errors.put("products", required());
            return new Seed(List.of(), List.of());
        }
        return new Seed(faqs(document.faqs()), products(document.products()));
    }

    private List<Faq> faqs(List<FaqEntry> entries) {
        if (!list("faqs", entries)) {
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

    private List<Product> products(List<ProductEntry> entries) {
        if (!list("products", entries)) {
            return List.of();
        }
        List<Product> products = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "products[" + i + "]";
            ProductEntry entry = entries.get(i);
            if (entry == null) {
                errors.put(at, "must not be null");
                continue;
            }
            String sku = text(at + ".sku", entry.sku(), MAX_SKU, true);
            if (sku != null && !SKU.matcher(sku).matches()) {
                errors.put(at + ".sku", "must start with a letter or digit and contain only letters, digits, "
                        + "'.', '_', '-' and '/'");
            } else if (sku != null && !skus.add(sku.toLowerCase(Locale.ROOT))) {
                // CHECKOUT tags match skus case-insensitively: two that differ only in case are one.
                errors.put(at + ".sku", "is already used by another product of this request");
            }
            String name = text(at + ".name", entry.name(), MAX_NAME, true);
            String description = text(at + ".description", entry.description(), MAX_DESCRIPTION, false);
            BigDecimal price = price(at + ".price", entry.price());
            String currency = currency(at + ".currency", entry.currency());
            products.add(new Product(sku, name, description, price, currency,
                    entry.available() == null || entry.available()));
        }
        return products;
    }

    private boolean list(String field, List<?> entries) {
        if (entries == null) {
            errors.put(field, required());
            return false;
        }
        if (entries.size() > MAX_ENTRIES) {
            errors.put(field, "must have at most " + MAX_ENTRIES + " entries");
            return false;
        }
        return true;
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

    private BigDecimal price(String field, BigDecimal price) {
        if (price == null) {
            errors.put(field, "is required");
        } else if (price.signum() < 0) {
            errors.put(field, "must be 0 or more");
        } else if (price.compareTo(MAX_PRICE) > 0) {
            errors.put(field, "must be at most " + MAX_PRICE.toPlainString());
        } else if (price.stripTrailingZeros().scale() > 2) {
            errors.put(field, "must have at most 2 decimals");
        } else {
            return price;
        }
        return null;
    }

    private String currency(String field, String currency) {
        if (currency == null || currency.isBlank()) {
            errors.put(field, "is required with a price");
        } else if (!CURRENCY.matcher(currency).matches() || !isIso4217(currency)) {
            errors.put(field, "must be an ISO 4217 code in capitals, e.g. USD");
        } else {
            return currency;
        }
        return null;
    }

    private static boolean isIso4217(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required() {
        return "is required (an empty list clears it)";
    }
}
