package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers without a model, honest about being an automatic assistant: rules over the customer's message
 * and the business's context, in English or French (the customer's). Same input, same reply. Questions
 * are matched on word stems and synonyms ({@link Terms}, {@link Topic}): "Do you ship abroad?" finds the
 * delivery answer. It writes action tags exactly as a model would ({@code HANDOFF} when a person is asked
 * for, {@code CHECKOUT} when a catalog product is to be bought), so the whole journey, up to a paid order,
 * works without an LLM key. A CHECKOUT becomes a real order at commerce, which then sends the payment
 * link (or tells the customer why not): the text promises the link is coming, never that it is here.
 */
public class OfflineProvider implements ChatProvider {

    public static final String NAME = "offline";

    /** Subjects named in the greeting, at most: a DM is short. */
    private static final int GREETING_SUBJECTS = 5;

    private static final Pattern WANTS_A_PERSON = Pattern.compile(
            "\\b(human|agent|person|someone|representative|real people|humain|conseill[a-z]*|quelqu'un"
                    + "|une personne|un vendeur|une vendeuse)\\b");
    /** Buying words that mean it even in a question ("can I order 3?"). */
    private static final Pattern ORDERS = Pattern.compile(
            "\\b(buy|order|purchase|checkout|pay for|take it|i'?ll take|i'?ll have|acheter|commander"
                    + "|je (?:le |la |les )?prends)\\b");
    /** Wishes that are a purchase unless the customer is only asking about the product. */
    private static final Pattern WISHES = Pattern.compile(
            "\\b(i want|i'?d like|i would like|can i (?:get|have)|give me|je veux|je voudrais|j'aimerais"
                    + "|puis-je avoir)\\b");
    private static final Pattern ONLY_ASKING = Pattern.compile(
            "\\b(available|availability|in stock|price|cost|how much|know|tell me|details|size|colou?r"
                    + "|disponible|dispo|en stock|prix|combien|coute|savoir|taille|couleur)\\b");
    private static final Pattern ASKS_ABOUT_STOCK = Pattern.compile(
            "\\b(available|availability|in stock|price|prices|cost|sell|catalog|products?"
                    + "|disponibles?|en stock|prix|vendez|catalogue|produits?|articles)\\b");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply complete(Prompt prompt) {
        return new Reply(answer(prompt.customerMessage(), prompt.knowledge()), NAME, null, true);
    }

    private static String answer(String customerMessage, BusinessKnowledge knowledge) {
        OfflineTexts texts = OfflineTexts.forMessage(customerMessage);
        String message = Terms.plain(customerMessage);
        String business = knowledge.businessName();
        if (WANTS_A_PERSON.matcher(message).find()) {
            return texts.handoff().formatted(business) + " [[HANDOFF reason=\"customer asked for a person\"]]";
        }
        Optional<Product> product = mentionedProduct(message, knowledge);
        if (product.isPresent()) {
            return aboutProduct(message, product.get(), knowledge, texts);
        }
        Set<String> terms = Terms.of(customerMessage);
        Optional<Faq> faq = FaqMatcher.bestFor(terms, knowledge.faqs());
        if (faq.isPresent()) {
            return faq.get().answer();
        }
        Optional<String> fromProfile = ProfileAnswers.answer(message, terms, knowledge.profile(), texts);
        if (fromProfile.isPresent()) {
            return fromProfile.get();
        }
        if (ASKS_ABOUT_STOCK.matcher(message).find() && knowledge.products().stream().anyMatch(Product::available)) {
            return texts.catalog().formatted(business, knowledge.products().stream()
                    .filter(Product::available).map(p -> p.name() + " (" + p.price() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return greeting(knowledge, texts);
    }

    /** The greeting says what the assistant is and what it can really answer for this business. */
    private static String greeting(BusinessKnowledge knowledge, OfflineTexts texts) {
        List<String> subjects = new ArrayList<>();
        if (knowledge.products().stream().anyMatch(Product::available)) {
            subjects.add(texts.productsAndPrices());
        }
        subjects.addAll(ProfileAnswers.subjects(knowledge.profile(), texts));
        Set<String> named = subjects.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (Faq faq : knowledge.faqs()) {
            String topic = faq.topic().strip().toLowerCase(Locale.ROOT);
            if (!topic.isEmpty() && named.add(topic)) {
                subjects.add(topic);
            }
        }
        List<String> shown = subjects.subList(0, Math.min(GREETING_SUBJECTS, subjects.size()));
        return texts.greeting().formatted(knowledge.businessName())
                + (shown.isEmpty() ? texts.canOnlyPassOn() : texts.canHelpWith().formatted(texts.list(shown)));
    }

    private static String aboutProduct(String message, Product product, BusinessKnowledge knowledge,
            OfflineTexts texts) {
        if (!product.available()) {
            return texts.outOfStock().formatted(product.name());
        }
        if (!wantsToBuy(message)) {
            return texts.available().formatted(product.name(), product.price());
        }
        OptionalInt quantity = QuantityReader.read(withoutProductMentions(message, knowledge));
        if (quantity.isEmpty()) {
            return texts.howMany().formatted(product.name(), QuantityReader.MAX);
        }
        int qty = quantity.getAsInt();
        if (product.stock() != null && qty > product.stock()) {
            return texts.onlyLeft().formatted(product.stock(), product.name());
        }
        return texts.checkout().formatted(qty, product.name()) + " [[CHECKOUT sku=\"" + product.sku() + "\" qty="
                + qty + "]]";
    }

    private static boolean wantsToBuy(String message) {
        return ORDERS.matcher(message).find()
                || WISHES.matcher(message).find() && !ONLY_ASKING.matcher(message).find();
    }

    /** The product whose name or sku the message mentions; the longest name wins ("linen shirt" over "shirt"). */
    private static Optional<Product> mentionedProduct(String message, BusinessKnowledge knowledge) {
        return knowledge.products().stream()
                .filter(p -> containsWord(message, Terms.plain(p.name())) || containsWord(message, Terms.plain(p.sku())))
                .max(Comparator.comparingInt((Product p) -> p.name().length()).thenComparing(Product::sku));
    }

    /** The message without any product's name or sku, so that digits in them are not read as a quantity. */
    private static String withoutProductMentions(String message, BusinessKnowledge knowledge) {
        String rest = message;
        for (Product p : knowledge.products()) {
            for (String phrase : new String[] {p.sku(), p.name()}) {
                String plain = Terms.plain(phrase);
                if (!plain.isBlank()) {
                    rest = mention(plain).matcher(rest).replaceAll(" ");
                }
            }
        }
        return rest;
    }

    private static boolean containsWord(String message, String phrase) {
        return !phrase.isBlank() && mention(phrase).matcher(message).find();
    }

    /**
     * The phrase as a customer may write it: any of its words in the plural, as French puts the noun
     * first ("deux foulards en soie" for "Foulard en soie") and English last ("two linen shirts").
     */
    private static Pattern mention(String phrase) {
        String words = Stream.of(phrase.strip().split("\\s+")).map(word -> Pattern.quote(word) + "s?")
                .collect(Collectors.joining("\\s+"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])");
    }
}
