package com.sellavie.ingest.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Major-unit amounts (Flutterwave's {@code 100.5} NGN) to minor units, exactly: 10^(ISO 4217 fraction digits)
 * times the amount, or nothing when that is not a whole number (a rounding here would reconcile a payment
 * against the wrong amount).
 */
final class MinorUnits {

    /** Larger than any real payment and still far inside a long once in minor units. */
    private static final int MAX_INTEGER_DIGITS = 15;

    private MinorUnits() {
    }

    /** Empty when {@code major} has more decimals than {@code currency} allows, or is negative or too large. */
    static Optional<Long> of(BigDecimal major, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0 || major.signum() < 0) {
            return Optional.empty(); // no minor unit defined (XXX, XAU...) or a negative charge
        }
        // Stripped first, so that only cheap comparisons of scale and precision decide (1e-999999999 and
        // 1e999999999 are refused without ever being expanded).
        BigDecimal stripped = major.stripTrailingZeros();
        if (stripped.scale() > digits || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(stripped.movePointRight(digits).longValueExact());
    }
}
