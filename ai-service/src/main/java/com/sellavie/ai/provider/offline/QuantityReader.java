package com.sellavie.ai.provider.offline;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many items a purchase message asks for ("2", "two", "deux"), read from the message with the product's
 * own name and sku already taken out (so the 001 of {@code LS-001} is not a quantity). A quantity the
 * customer did not give is 1; one that is unclear (several different numbers, "a few", a fraction) or
 * outside 1 to {@value #MAX} is no quantity at all: the assistant asks rather than guesses, since the
 * answer becomes a real order.
 */
final class QuantityReader {

    static final int MAX = 99;

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,])(\\d+(?:[.,]\\d+)?)(?!\\p{N})");
    // "un"/"une" are left out: they are French's article too ("une chemise" is one shirt anyway, the default).
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5),
            Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10));
    private static final Pattern WORD = Pattern.compile("\\b(" + String.join("|", WORDS.keySet()) + ")\\b");
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(some|a few|few|several|many|a couple|couple of|lots|a lot|dozens?|multiple|a bunch|a pair"
                    + "|quelques|plusieurs|beaucoup|une paire|des)\\b");

    private QuantityReader() {
    }

    /** The quantity asked for, 1 when none is said; empty when it is unclear or not 1 to {@value #MAX}. */
    static OptionalInt read(String text) {
        String message = text.toLowerCase(Locale.ROOT);
        Set<Integer> said = new TreeSet<>();
        Matcher number = NUMBER.matcher(message);
        while (number.find()) {
            String digits = number.group(1);
            if (digits.contains(".") || digits.contains(",") || digits.length() > 6) {
                return OptionalInt.empty();
            }
            said.add(Integer.parseInt(digits));
        }
        Matcher word = WORD.matcher(message);
        while (word.find()) {
            said.add(WORDS.get(word.group(1)));
        }
        if (said.isEmpty()) {
            return VAGUE.matcher(message).find() ? OptionalInt.empty() : OptionalInt.of(1);
        }
        if (said.size() > 1) {
            return OptionalInt.empty();
        }
        int quantity = said.iterator().next();
        return quantity >= 1 && quantity <= MAX ? OptionalInt.of(quantity) : OptionalInt.empty();
    }
}
