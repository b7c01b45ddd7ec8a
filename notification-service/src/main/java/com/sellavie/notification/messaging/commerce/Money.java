package com.sellavie.notification.messaging.commerce;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An amount in minor units shown as the team reads it: {@code NGN 50,000.00}, {@code JPY 5,000}. */
final class Money {

    private Money() {
    }

    /**
     * Uses the currency's ISO 4217 fraction digits (2 for NGN and USD, 0 for JPY, 3 for KWD). A code
     * Java does not know is shown in minor units rather than guessing its scale.
     */
    static String format(long amountMinor, String currencyCode) {
        String code = currencyCode == null ? "" : currencyCode.strip().toUpperCase(Locale.ROOT);
        Integer digits = fractionDigits(code);
        if (digits == null) {
            return (code + " " + amountMinor + " (minor units)").strip();
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return code + " " + format.format(BigDecimal.valueOf(amountMinor, digits));
    }

    private static Integer fractionDigits(String code) {
        try {
            // -1 for codes without a minor unit (XAU, XXX): whole units.
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }
}
