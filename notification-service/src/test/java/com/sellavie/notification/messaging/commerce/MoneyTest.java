package com.sellavie.notification.messaging.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void nairaHasTwoFractionDigitsAndThousandsSeparators() {
        assertThat(Money.format(5_000_000L, "NGN")).isEqualTo("NGN 50,000.00");
    }

    @Test
    void yenHasNoMinorUnit() {
        assertThat(Money.format(5_000L, "JPY")).isEqualTo("JPY 5,000");
    }

    @Test
    void dollarsShowCents() {
        assertThat(Money.format(1_999L, "USD")).isEqualTo("USD 19.99");
        assertThat(Money.format(5L, "usd")).isEqualTo("USD 0.05");
    }

    @Test
    void kuwaitiDinarHasThreeFractionDigits() {
        assertThat(Money.format(1_234_567L, "KWD")).isEqualTo("KWD 1,234.567");
    }

    @Test
    void anUnknownCurrencyIsShownInMinorUnitsRatherThanGuessed() {
        assertThat(Money.format(5_000L, "ZZZ")).isEqualTo("ZZZ 5000 (minor units)");
    }
}
