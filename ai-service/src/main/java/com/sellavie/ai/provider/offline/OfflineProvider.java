package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers without a model: keyword rules over the customer's message and the business's seed. Same
 * input, same reply. It writes action tags exactly as a model would ({@code HANDOFF} when a person
 * is asked for, {@code CHECKOUT} when a seeded product is to be bought), so tag parsing runs end to
 * end even offline.
 */
public class OfflineProvider implements ChatProvider {

    public static final String NAME = "offline";

    private static final Pattern WANTS_A_PERSON = Pattern.compile(
            "\\b(human|agent|person|someone|representative|real people)\\b");
    private static final Pattern WANTS_TO_BUY = Pattern.compile(
            "\\b(buy|order|purchase|checkout|take it|i'?ll take|i want|i'?d like)\\b");
    private static final Pattern ASKS_ABOUT_STOCK = Pattern.compile(
            "\\b(available|availability|in stock|price|prices|cost|sell|catalog|products?)\\b");
    private static final Pattern QUANTITY = Pattern.compile("\\b([1-9][0-9]?)\\b");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply complete(Prompt prompt) {
        return new Reply(answer(prompt.customerMessage().toLowerCase(Locale.ROOT), prompt.knowledge()),
                NAME, null, true);
    }

    private static String answer(String message, BusinessKnowledge knowledge) {
        String business = knowledge.businessName();
        if (WANTS_A_PERSON.matcher(message).find()) {
            return "Of course! I'm passing you to someone from the " + business + " team, they will reply here "
                    + "shortly. [[HANDOFF reason=\"customer asked for a person\"]]";
        }
        Optional<Product> product = mentionedProduct(message, knowledge);
        if (product.isPresent()) {
            return aboutProduct(message, product.get());
        }
        Optional<Faq> faq = knowledge.faqs().stream()
                .filter(f -> containsWord(message, f.topic().toLowerCase(Locale.ROOT))).findFirst();
        if (faq.isPresent()) {
            return faq.get().answer();
        }
        if (ASKS_ABOUT_STOCK.matcher(message).find() && !knowledge.products().isEmpty()) {
            return "Here is what " + business + " has at the moment: " + knowledge.products().stream()
                    .filter(Product::available).map(p -> p.name() + " (" + price(p) + ")")
                    .collect(Collectors.joining(", ")) + ". Which one would you like?";
        }
        return "Hi! Thanks for messaging " + business + ". How can I help you today?";
    }

    private static String aboutProduct(String message, Product product) {
        if (!product.available()) {
            return "Sorry, the " + product.name() + " is out of stock right now.";
        }
        if (WANTS_TO_BUY.matcher(message).find()) {
            int quantity = quantity(message);
            return "Great choice! Here is your checkout for " + quantity + " x " + product.name() + ". "
                    + "[[CHECKOUT sku=\"" + product.sku() + "\" qty=" + quantity + "]]";
        }
        return "Yes, the " + product.name() + " is available for " + price(product) + ". Would you like to order it?";
    }

    /** The product whose name or sku the message mentions; the longest name wins ("linen shirt" over "shirt"). */
    private static Optional<Product> mentionedProduct(String message, BusinessKnowledge knowledge) {
        return knowledge.products().stream()
                .filter(p -> containsWord(message, p.name().toLowerCase(Locale.ROOT))
                        || containsWord(message, p.sku().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt((Product p) -> p.name().length()).thenComparing(Product::sku));
    }

    private static int quantity(String message) {
        Matcher number = QUANTITY.matcher(message);
        return number.find() ? Integer.parseInt(number.group(1)) : 1;
    }

    private static boolean containsWord(String message, String phrase) {
        return !phrase.isBlank()
                && Pattern.compile("(^|\\W)" + Pattern.quote(phrase) + "s?(\\W|$)").matcher(message).find();
    }

    private static String price(Product product) {
        return product.price().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + product.currency();
    }
}
