package com.sellavie.commerce.catalog;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A price as merchants write it in a spreadsheet, in major units ({@code 25000} or {@code 25000.00}
 * naira), converted exactly to minor units with the currency's ISO 4217 fraction digits. Nothing is
 * rounded: more decimals than the currency has is an error, not a guess.
 */
final class MajorUnitPrice {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private MajorUnitPrice() {
    }

    /**
     * @param fractionDigits the currency's minor-unit digits (NGN 2, JPY 0)
     * @throws IllegalArgumentException with a message for the merchant when the text is not such a price
     */
    static long toMinor(String text, int fractionDigits) {
        String price = text == null ? "" : text.strip();
        if (price.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        if (!PLAIN_NUMBER.matcher(price).matches()) {
            throw new IllegalArgumentException("must be a number in major units without separators or symbols, "
                    + "e.g. 25000 or 25000.00");
        }
        BigDecimal major = new BigDecimal(price);
        if (major.stripTrailingZeros().scale() > fractionDigits) {
            throw new IllegalArgumentException(fractionDigits == 0
                    ? "must be a whole number: this currency has no minor unit"
                    : "has more than " + fractionDigits + " decimals, which this currency does not have");
        }
        BigDecimal minor = major.movePointRight(fractionDigits);
        if (minor.compareTo(BigDecimal.valueOf(ProductRules.PRICE_MAX)) > 0) {
            throw new IllegalArgumentException("is too large");
        }
        return minor.longValueExact();
    }
}
