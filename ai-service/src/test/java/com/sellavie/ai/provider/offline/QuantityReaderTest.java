package com.sellavie.ai.provider.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QuantityReaderTest {

    @Test
    void noQuantityGivenMeansOne() {
        assertThat(QuantityReader.read("i want to buy the shirt")).hasValue(1);
    }

    @Test
    void digitsAndTheWordsOneToTenAreQuantities() {
        assertThat(QuantityReader.read("i'd like 12 please")).hasValue(12);
        assertThat(QuantityReader.read("seven of them")).hasValue(7);
        assertThat(QuantityReader.read("2x please")).hasValue(2);
    }

    @Test
    void theSameNumberTwiceIsOneQuantity() {
        assertThat(QuantityReader.read("2 shirts, yes 2")).hasValue(2);
    }

    @Test
    void unclearOrOutOfRangeQuantitiesAreNone() {
        assertThat(QuantityReader.read("2 or 3")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("two or 3")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("several")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("100")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("0")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("2.5")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("99999999999999")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void frenchNumberWordsAreQuantitiesAndItsArticleIsNot() {
        assertThat(QuantityReader.read("je voudrais trois chemises")).hasValue(3);
        assertThat(QuantityReader.read("dix s'il vous plait")).hasValue(10);
        assertThat(QuantityReader.read("je prends une chemise")).hasValue(1);
        assertThat(QuantityReader.read("je voudrais des chemises")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("plusieurs")).isEqualTo(OptionalInt.empty());
        assertThat(QuantityReader.read("deux ou trois")).isEqualTo(OptionalInt.empty());
    }
}
