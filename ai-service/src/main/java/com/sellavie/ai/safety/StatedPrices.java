package com.sellavie.ai.safety;

import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices a reply states, checked against the catalog: an amount with a currency (code or symbol) must
 * be the unit price of a product the same sentence names, or a whole multiple of it (a quantity), or,
 * in a sentence naming none, of any product on offer; the total of the reply's CHECKOUT and amounts
 * the merchant wrote in the FAQ or profile (a delivery fee) are fine too. Anything else was invented.
 */
public final class StatedPrices {

    /** Quantities a stated total may be a multiple of. */
    static final int MAX_MULTIPLE = 99;
    private static final String AMOUNT = "\\d{1,3}(?:[ \\u00A0\\u202F,.]\\d{3})+(?:[.,]\\d{1,3})?|\\d+(?:[.,]\\d{1,3})?";
    private static final String SYMBOL = "[$€£¥₦₵₹]";
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(?<before>[A-Z]{3}|" + SYMBOL + ")\\s?(?<amount1>" + AMOUNT + ")"
                    + "|(?<amount2>" + AMOUNT + ")\\s?(?<after>[A-Z]{3}(?![\\p{L}])|" + SYMBOL + "))");
    private static final Map<String, Set<String>> SYMBOLS = Map.of(
            "$", Set.of("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "LRD"),
            "€", Set.of("EUR"), "£", Set.of("GBP"), "¥", Set.of("JPY", "CNY"), "₦", Set.of("NGN"),
            "₵", Set.of("GHS"), "₹", Set.of("INR"));
    /** Codes read as currencies besides the catalog's ("ALL 3 items" is no price in Albanian lek). */
    private static final Set<String> COMMON_CODES = Set.of("USD", "EUR", "GBP", "NGN", "GHS", "KES", "ZAR", "XOF",
            "XAF", "CAD", "AUD", "JPY", "CNY", "INR", "EGP", "MAD", "TZS", "UGX", "RWF", "CHF", "AED");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private StatedPrices() {
    }

    /** The amounts of the text (as written) that are not catalog prices; empty when every one is. */
    public static List<String> wrong(String text, List<Product> products, Collection<String> merchantTexts,
            List<Action> actions) {
        Set<String> codes = new HashSet<>(COMMON_CODES);
        products.forEach(product -> codes.add(product.currency()));
        Set<Money> merchantAmounts = new HashSet<>();
        merchantTexts.forEach(merchant -> mentions(merchant, codes).forEach(m -> merchantAmounts.addAll(m.readings())));
        Set<Money> totals = checkoutTotals(products, actions);
        List<String> wrong = new ArrayList<>();
        for (String sentence : SENTENCE.split(text)) {
            List<Product> named = named(sentence, products);
            List<Product> candidates = named.isEmpty() ? products : named;
            for (Mention mention : mentions(sentence, codes)) {
                boolean fine = mention.readings().stream().anyMatch(money -> merchantAmounts.contains(money)
                        || totals.contains(money) || priceOf(money, candidates) || sumOf(money, named));
                if (!fine) {
                    wrong.add(mention.written());
                }
            }
        }
        return wrong;
    }

    /** The products a text names (by name or sku, any case), in catalog order. */
    public static List<Product> named(String text, List<Product> products) {
        String lower = text.toLowerCase(Locale.ROOT);
        return products.stream().filter(p -> contains(lower, p.name()) || contains(lower, p.sku())).toList();
    }

    private static boolean contains(String lowerText, String part) {
        return part != null && !part.isBlank() && lowerText.contains(part.toLowerCase(Locale.ROOT));
    }

    private static boolean priceOf(Money money, List<Product> products) {
        return products.stream().anyMatch(p -> p.currency().equals(money.currency()) && p.priceMinor() > 0
                && money.minor() % p.priceMinor() == 0 && money.minor() / p.priceMinor() >= 1
                && money.minor() / p.priceMinor() <= MAX_MULTIPLE);
    }

    private static boolean sumOf(Money money, List<Product> named) {
        return named.size() > 1 && named.stream().allMatch(p -> p.currency().equals(money.currency()))
                && named.stream().mapToLong(Product::priceMinor).sum() == money.minor();
    }

    private static Set<Money> checkoutTotals(List<Product> products, List<Action> actions) {
        Set<Money> totals = new HashSet<>();
        for (Action action : actions) {
            if (action instanceof Action.Checkout checkout) {
                long total = 0;
                String currency = null;
                for (Action.Checkout.Item item : checkout.items()) {
                    Product product = products.stream().filter(p -> p.sku().equals(item.sku())).findFirst()
                            .orElse(null);
                    if (product == null) {
                        continue;
                    }
                    total += product.priceMinor() * item.quantity();
                    currency = product.currency();
                }
                if (currency != null) {
                    totals.add(new Money(total, currency));
                }
            }
        }
        return totals;
    }

    static List<Mention> mentions(String text, Set<String> codes) {
        List<Mention> mentions = new ArrayList<>();
        Matcher found = MENTION.matcher(text);
        while (found.find()) {
            String amount = found.group("amount1") != null ? found.group("amount1") : found.group("amount2");
            String unit = found.group("before") != null ? found.group("before") : found.group("after");
            Set<String> currencies = currencies(unit, codes);
            if (currencies.isEmpty()) {
                continue;
            }
            Set<Money> readings = new HashSet<>();
            for (String currency : currencies) {
                BigDecimal value = value(amount, BusinessKnowledge.fractionDigits(currency));
                if (value != null) {
                    BigDecimal minor = value.movePointRight(BusinessKnowledge.fractionDigits(currency));
                    readings.add(new Money(minorUnits(minor), currency));
                }
            }
            mentions.add(new Mention(found.group().strip(), readings));
        }
        return mentions;
    }

    /** The amount in minor units, or -1 when it cannot be a price (25.005 USD, or too large to be one). */
    private static long minorUnits(BigDecimal minor) {
        try {
            return minor.stripTrailingZeros().scale() <= 0 ? minor.longValueExact() : -1;
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
    }

    private static Set<String> currencies(String unit, Set<String> codes) {
        if (SYMBOLS.containsKey(unit)) {
            return SYMBOLS.get(unit);
        }
        return codes.contains(unit) ? Set.of(unit) : Set.of();
    }

    /**
     * The amount as a number: the last of {@code ,} {@code .} followed by 1-2 digits (or 3 for a
     * currency with 3 fraction digits) is the decimal mark, every other separator groups thousands.
     */
    static BigDecimal value(String amount, int fractionDigits) {
        String digits = amount.replaceAll("[ \\u00A0\\u202F]", "");
        int mark = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
        String whole = digits;
        String fraction = "";
        if (mark >= 0) {
            int after = digits.length() - mark - 1;
            boolean decimal = after != 3 || fractionDigits == 3 && digits.chars().filter(c -> c == '.' || c == ',')
                    .count() == 1;
            if (decimal) {
                whole = digits.substring(0, mark);
                fraction = digits.substring(mark + 1);
            }
        }
        whole = whole.replaceAll("[.,]", "");
        try {
            return new BigDecimal(whole + (fraction.isEmpty() ? "" : "." + fraction));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An amount in minor units; {@code -1} for one that cannot be a price in that currency. */
    record Money(long minor, String currency) {
    }

    /** One amount as written and what it can mean ({@code $} names several currencies). */
    record Mention(String written, Set<Money> readings) {
    }
}
