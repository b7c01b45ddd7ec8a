package com.sellavie.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.knowledge.KnowledgeDocument.FaqEntry;
import com.sellavie.ai.knowledge.KnowledgeDocument.ProductEntry;
import com.sellavie.ai.knowledge.KnowledgeDocumentValidator.Seed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KnowledgeDocumentValidatorTest {

    @Test
    void validDocumentBecomesTheSeedWithDefaultsAndStrippedTexts() {
        Seed seed = KnowledgeDocumentValidator.validate(new KnowledgeDocument(
                List.of(new FaqEntry(" delivery ", null, " 2 days ")),
                List.of(new ProductEntry("SHIRT/M-1.a_b", " Shirt ", null, new BigDecimal("0.5"), "NGN", null),
                        new ProductEntry("Écharpe-2", "Écharpe", "Soie", new BigDecimal("9999999999.99"), "EUR",
                                false))));

        assertThat(seed.faqs()).containsExactly(new Faq("delivery", "delivery", "2 days"));
        assertThat(seed.products()).containsExactly(
                new Product("SHIRT/M-1.a_b", "Shirt", null, new BigDecimal("0.5"), "NGN", true),
                new Product("Écharpe-2", "Écharpe", "Soie", new BigDecimal("9999999999.99"), "EUR", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-A", "A B", "A\"B", "A]]", "A=1", "A\\B", "s\tku"})
    void skuWithCharactersThatCouldBreakATagIsRejected(String sku) {
        Map<String, String> errors = errorsOf(product(sku, new BigDecimal("1"), "USD"));

        assertThat(errors).containsOnlyKeys("products[0].sku");
    }

    @Test
    void priceNeedsTwoDecimalsAtMostFitsTheColumnAndComesWithAKnownCurrency() {
        assertThat(errorsOf(product("A", new BigDecimal("1.005"), "USD"))).containsEntry("products[0].price",
                "must have at most 2 decimals");
        assertThat(errorsOf(product("A", new BigDecimal("10000000000"), "USD"))).containsOnlyKeys("products[0].price");
        assertThat(errorsOf(product("A", null, null))).containsOnlyKeys("products[0].price", "products[0].currency");
        assertThat(errorsOf(product("A", BigDecimal.ONE, "EURO"))).containsOnlyKeys("products[0].currency");
        assertThat(errorsOf(product("A", new BigDecimal("1.50"), "USD"))).isEmpty();
    }

    @Test
    void controlCharactersAndOverlongTextsAreRejected() {
        Map<String, String> errors = errorsOf(new KnowledgeDocument(
                List.of(new FaqEntry("a\u0000b", "q".repeat(501), "fine\nmultiline\tanswer")), List.of()));

        assertThat(errors).containsOnlyKeys("faqs[0].topic", "faqs[0].question");
    }

    @Test
    void missingDocumentNamesBothLists() {
        assertThat(errorsOf(null)).containsOnlyKeys("faqs", "products");
    }

    private static KnowledgeDocument product(String sku, BigDecimal price, String currency) {
        return new KnowledgeDocument(List.of(), List.of(new ProductEntry(sku, "Name", null, price, currency, true)));
    }

    private static Map<String, String> errorsOf(KnowledgeDocument document) {
        InvalidKnowledgeException invalid = catchThrowableOfType(InvalidKnowledgeException.class,
                () -> KnowledgeDocumentValidator.validate(document));
        return invalid == null ? Map.of() : invalid.fieldErrors();
    }
}
