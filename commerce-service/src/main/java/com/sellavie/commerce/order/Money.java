package com.sellavie.commerce.order;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units, as customers read them and as providers that want major units need them. */
public final class Money {

    private Money() {
    }

    /** The exact amount in major units: 5000000 NGN -> 50000.00 (ISO 4217 fraction digits). */
    public static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /** "NGN 50,000.00". */
    public static String format(long minor, String currency) {
        int digits = fractionDigits(currency);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return currency + " " + format.format(major(minor, currency));
    }

    private static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
