package com.sellavie.ai.provider.offline;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many items a purchase message asks for ("2", "two"), read from the message with the product's
 * own name and sku already taken out (so the 001 of {@code LS-001} is not a quantity). A quantity the
 * customer did not give is 1; one that is unclear (several different numbers, "a few", a fraction) or
 * outside 1 to {@value #MAX} is no quantity at all: the assistant asks rather than guesses, since the
 * answer becomes a real order.
 */
final class QuantityReader {

    static final int MAX = 99;

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,])(\\d+(?:[.,]\\d+)?)(?!\\p{N})");
    private static final Map<String, Integer> WORDS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10);
    private static final Pattern WORD = Pattern.compile("\\b(one|two|three|four|five|six|seven|eight|nine|ten)\\b");
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(some|a few|few|several|many|a couple|couple of|lots|a lot|dozens?|multiple|a bunch|a pair)\\b");

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
