package com.sellavie.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCatalogReaderTest {

    private final CsvCatalogReader reader = new CsvCatalogReader(10);

    @Test
    void readsColumnsInAnyOrderWithDefaultsForTheOptionalOnes() {
        CsvCatalogReader.Result result = reader.read("Currency, SKU ,Price,Name\nngn,TOTE,9500,Tote bag\n");

        assertThat(result.valid()).isTrue();
        assertThat(result.rows()).containsExactly(new CsvCatalogReader.Row(2,
                new ProductDetails("TOTE", "Tote bag", null, 950_000, "NGN", null, true)));
    }

    @Test
    void lineNumbersAreTheEditorsCountingValuesOverSeveralLinesAndSkippedEmptyLines() {
        CsvCatalogReader.Result result = reader.read("sku,name,description,price,currency\r\n"
                + "A,Hat,\"two\r\nlines\",1,NGN\r\n"
                + "\r\n"
                + "B,Scarf,,x,NGN\r\n");

        assertThat(result.errors()).containsExactly(new ImportLineError(5, "price",
                "must be a number in major units without separators or symbols, e.g. 25000 or 25000.00"));
    }

    @Test
    void unknownAndMissingColumnsAreReportedOnTheHeaderLine() {
        CsvCatalogReader.Result result = reader.read("sku,nmae,price,currency,colour\n");

        assertThat(result.errors()).extracting(ImportLineError::line, ImportLineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "nmae"),
                        org.assertj.core.groups.Tuple.tuple(1, "colour"),
                        org.assertj.core.groups.Tuple.tuple(1, "name"));
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedAtTheFirstRowOver() {
        StringBuilder csv = new StringBuilder("sku,name,price,currency\n");
        for (int i = 0; i < 11; i++) {
            csv.append("P").append(i).append(",P,1,NGN\n");
        }

        CsvCatalogReader.Result result = reader.read(csv.toString());

        assertThat(result.errors()).singleElement().extracting(ImportLineError::line).isEqualTo(12);
    }
}
