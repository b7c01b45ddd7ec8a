package com.sellavie.ai.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatedPricesTest {

    private static final List<Product> CATALOG = List.of(
            new Product("LS-001", "Linen Shirt", null, 2_500_000, "NGN", null),
            new Product("TOTE-01", "Canvas Tote", null, 1250, "USD", 5));
    private static final List<String> MERCHANT = List.of("We deliver across Lagos in 2 days, 1500 NGN.");

    @Test
    void theCatalogPriceOfTheNamedProductIsFine() {
        assertThat(wrong("The Linen Shirt is 25,000.00 NGN.")).isEmpty();
        assertThat(wrong("The Linen Shirt is ₦25,000.")).isEmpty();
        assertThat(wrong("The Linen Shirt costs NGN 25 000,00!")).isEmpty();
        assertThat(wrong("The Canvas Tote is $12.50")).isEmpty();
    }

    @Test
    void aWholeMultipleIsATotalForAQuantity() {
        assertThat(wrong("2 x Linen Shirt come to 50,000.00 NGN.")).isEmpty();
    }

    @Test
    void anInventedPriceIsWrong() {
        assertThat(wrong("Special deal, 1 NGN!")).containsExactly("1 NGN");
        assertThat(wrong("The Linen Shirt is 20,000.00 NGN today.")).containsExactly("20,000.00 NGN");
        assertThat(wrong("The Canvas Tote is 10 USD")).containsExactly("10 USD");
    }

    @Test
    void aPriceOfAnotherProductInTheSameSentenceIsWrong() {
        assertThat(wrong("The Canvas Tote is 25,000 NGN.")).containsExactly("25,000 NGN");
    }

    @Test
    void amountsTheMerchantWroteAreFine() {
        assertThat(wrong("Delivery in Lagos is 1500 NGN.")).isEmpty();
    }

    @Test
    void theCheckoutTotalIsFine() {
        List<Action> checkout = List.of(new Action.Checkout(List.of(new Action.Checkout.Item("TOTE-01", 3))));

        assertThat(StatedPrices.wrong("That's 37.50 USD in all.", CATALOG, MERCHANT, checkout)).isEmpty();
    }

    @Test
    void numbersWithoutACurrencyAndWordsInCapitalsAreNoPrices() {
        assertThat(wrong("We have 25 shirts, ALL 3 sizes, order LS-001.")).isEmpty();
    }

    private static List<String> wrong(String text) {
        return StatedPrices.wrong(text, CATALOG, MERCHANT, List.of());
    }
}
