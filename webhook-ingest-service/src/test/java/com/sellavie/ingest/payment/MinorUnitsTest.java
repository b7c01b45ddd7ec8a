package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void multipliesByTenToTheCurrencysFractionDigits() {
        assertThat(MinorUnits.of(new BigDecimal("100.5"), Currency.getInstance("NGN"))).contains(10050L);
        assertThat(MinorUnits.of(new BigDecimal("100.500"), Currency.getInstance("NGN"))).contains(10050L);
        assertThat(MinorUnits.of(new BigDecimal("1E+2"), Currency.getInstance("USD"))).contains(10000L);
        assertThat(MinorUnits.of(new BigDecimal("12.345"), Currency.getInstance("BHD"))).contains(12345L);
        assertThat(MinorUnits.of(new BigDecimal("5000"), Currency.getInstance("RWF"))).contains(5000L);
        assertThat(MinorUnits.of(new BigDecimal("0.00"), Currency.getInstance("NGN"))).contains(0L);
    }

    @Test
    void refusesWhatWouldNeedRounding() {
        assertThat(MinorUnits.of(new BigDecimal("100.505"), Currency.getInstance("NGN"))).isEmpty();
        assertThat(MinorUnits.of(new BigDecimal("0.5"), Currency.getInstance("JPY"))).isEmpty();
    }

    @Test
    void refusesNegativeHugeAndTinyAmountsWithoutExpandingThem() {
        assertThat(MinorUnits.of(new BigDecimal("-1"), Currency.getInstance("NGN"))).isEmpty();
        assertThat(MinorUnits.of(new BigDecimal("1E+999999999"), Currency.getInstance("NGN"))).isEmpty();
        assertThat(MinorUnits.of(new BigDecimal("1E-999999999"), Currency.getInstance("NGN"))).isEmpty();
        assertThat(MinorUnits.of(new BigDecimal("1"), Currency.getInstance("XXX"))).isEmpty();
    }
}
