package com.sellavie.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MajorUnitPriceTest {

    @Test
    void convertsMajorUnitsExactlyWithTheCurrencysFractionDigits() {
        assertThat(MajorUnitPrice.toMinor("25000", 2)).isEqualTo(2_500_000);
        assertThat(MajorUnitPrice.toMinor("25000.00", 2)).isEqualTo(2_500_000);
        assertThat(MajorUnitPrice.toMinor(" 0.1 ", 2)).isEqualTo(10);
        assertThat(MajorUnitPrice.toMinor("19.99", 2)).isEqualTo(1999);
        assertThat(MajorUnitPrice.toMinor("3000", 0)).isEqualTo(3000);
        assertThat(MajorUnitPrice.toMinor("1.234", 3)).isEqualTo(1234);
        assertThat(MajorUnitPrice.toMinor("10.000", 0)).isEqualTo(10);
    }

    @Test
    void refusesWhatWouldNeedRoundingOrGuessing() {
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("100.123", 2))
                .withMessageContaining("more than 2 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("10.5", 0))
                .withMessageContaining("whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("25,000", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("₦25000", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("-5", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("1e3", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("", 2))
                .withMessage("is required");
        assertThatIllegalArgumentException().isThrownBy(() -> MajorUnitPrice.toMinor("10000000001", 2))
                .withMessage("is too large");
    }
}
