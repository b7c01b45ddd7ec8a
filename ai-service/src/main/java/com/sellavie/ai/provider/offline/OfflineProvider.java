package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.Reply;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers without a model: keyword rules over the customer's message and the business's context. Same
 * input, same reply. It writes action tags exactly as a model would ({@code HANDOFF} when a person is
 * asked for, {@code CHECKOUT} when a catalog product is to be bought), so the whole journey, up to a
 * paid order, works without an LLM key. A CHECKOUT becomes a real order at commerce, which then sends
 * the payment link (or tells the customer why not): the text promises the link is coming, never that
 * it is here.
 */
public class OfflineProvider implements ChatProvider {

    public static final String NAME = "offline";

    private static final Pattern WANTS_A_PERSON = Pattern.compile(
            "\\b(human|agent|person|someone|representative|real people)\\b");
    /** Buying words that mean it even in a question ("can I order 3?"). */
    private static final Pattern ORDERS = Pattern.compile(
            "\\b(buy|order|purchase|checkout|pay for|take it|i'?ll take|i'?ll have)\\b");
    /** Wishes that are a purchase unless the customer is only asking about the product. */
    private static final Pattern WISHES = Pattern.compile(
            "\\b(i want|i'?d like|i would like|can i (?:get|have)|give me)\\b");
    private static final Pattern ONLY_ASKING = Pattern.compile(
            "\\b(available|availability|in stock|price|cost|how much|know|tell me|details|size|colou?r)\\b");
    private static final Pattern ASKS_ABOUT_STOCK = Pattern.compile(
            "\\b(available|availability|in stock|price|prices|cost|sell|catalog|products?)\\b");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply complete(Prompt prompt) {
        String message = prompt.customerMessage().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return new Reply(answer(message, prompt.knowledge()), NAME, null, true);
    }

    private static String answer(String message, BusinessKnowledge knowledge) {
        String business = knowledge.businessName();
        if (WANTS_A_PERSON.matcher(message).find()) {
            return "Of course! I'm passing you to someone from the " + business + " team, they will reply here "
                    + "shortly. [[HANDOFF reason=\"customer asked for a person\"]]";
        }
        Optional<Product> product = mentionedProduct(message, knowledge);
        if (product.isPresent()) {
            return aboutProduct(message, product.get(), knowledge);
        }
        Optional<Faq> faq = knowledge.faqs().stream()
                .filter(f -> containsWord(message, f.topic().toLowerCase(Locale.ROOT))).findFirst();
        if (faq.isPresent()) {
            return faq.get().answer();
        }
        Optional<String> fromProfile = ProfileAnswers.answer(message, knowledge.profile());
        if (fromProfile.isPresent()) {
            return fromProfile.get();
        }
        if (ASKS_ABOUT_STOCK.matcher(message).find() && knowledge.products().stream().anyMatch(Product::available)) {
            return "Here is what " + business + " has at the moment: " + knowledge.products().stream()
                    .filter(Product::available).map(p -> p.name() + " (" + p.price() + ")")
                    .collect(Collectors.joining(", ")) + ". Which one would you like?";
        }
        return "Hi! Thanks for messaging " + business + ". How can I help you today?";
    }

    private static String aboutProduct(String message, Product product, BusinessKnowledge knowledge) {
        if (!product.available()) {
            return "Sorry, the " + product.name() + " is out of stock right now.";
        }
        if (!wantsToBuy(message)) {
            return "Yes, the " + product.name() + " is available for " + product.price()
                    + ". Would you like to order it?";
        }
        OptionalInt quantity = QuantityReader.read(withoutProductMentions(message, knowledge));
        if (quantity.isEmpty()) {
            return "How many " + product.name() + " would you like? Please send a number from 1 to "
                    + QuantityReader.MAX + ".";
        }
        int qty = quantity.getAsInt();
        if (product.stock() != null && qty > product.stock()) {
            return "We only have " + product.stock() + " x " + product.name() + " left. How many would you like?";
        }
        return "Great choice! I'm preparing your payment link for " + qty + " x " + product.name()
                + " now; it will arrive in this chat in a moment. [[CHECKOUT sku=\"" + product.sku() + "\" qty="
                + qty + "]]";
    }

    private static boolean wantsToBuy(String message) {
        return ORDERS.matcher(message).find()
                || WISHES.matcher(message).find() && !ONLY_ASKING.matcher(message).find();
    }

    /** The product whose name or sku the message mentions; the longest name wins ("linen shirt" over "shirt"). */
    private static Optional<Product> mentionedProduct(String message, BusinessKnowledge knowledge) {
        return knowledge.products().stream()
                .filter(p -> containsWord(message, p.name().toLowerCase(Locale.ROOT))
                        || containsWord(message, p.sku().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt((Product p) -> p.name().length()).thenComparing(Product::sku));
    }

    /** The message without any product's name or sku, so that digits in them are not read as a quantity. */
    private static String withoutProductMentions(String message, BusinessKnowledge knowledge) {
        String rest = message;
        for (Product p : knowledge.products()) {
            for (String phrase : new String[] {p.sku(), p.name()}) {
                String lower = phrase.toLowerCase(Locale.ROOT);
                if (!lower.isBlank()) {
                    rest = rest.replace(lower, " ");
                }
            }
        }
        return rest;
    }

    private static boolean containsWord(String message, String phrase) {
        return !phrase.isBlank()
                && Pattern.compile("(^|\\W)" + Pattern.quote(phrase) + "s?(\\W|$)").matcher(message).find();
    }
}
