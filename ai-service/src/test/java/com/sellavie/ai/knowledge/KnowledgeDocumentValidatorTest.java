package com.sellavie.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import com.sellavie.ai.knowledge.KnowledgeDocument.FaqEntry;
import com.sellavie.ai.knowledge.KnowledgeDocument.ProfileEntry;
import com.sellavie.ai.knowledge.KnowledgeDocumentValidator.Seed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeDocumentValidatorTest {

    @Test
    void validDocumentBecomesTheSeedWithDefaultsAndStrippedTexts() {
        Seed seed = KnowledgeDocumentValidator.validate(new KnowledgeUpdate(
                List.of(new FaqEntry(" delivery ", null, " 2 days ")),
                new ProfileEntry(" Linen from Lagos ", "Mon-Sat 9-18", " ", null, "cards"), null));

        assertThat(seed.faqs()).containsExactly(new Faq("delivery", "delivery", "2 days"));
        assertThat(seed.profile()).isEqualTo(new Profile("Linen from Lagos", "Mon-Sat 9-18", null, null, "cards"));
    }

    @Test
    void aMissingProfileIsNoProfile() {
        assertThat(KnowledgeDocumentValidator.validate(new KnowledgeUpdate(List.of(), null, null)).profile())
                .isEqualTo(Profile.EMPTY);
    }

    @Test
    void productsAreRefusedWithWhereTheCatalogMoved() {
        Map<String, String> errors = errorsOf(new KnowledgeUpdate(List.of(), null, List.of(Map.of("sku", "A"))));

        assertThat(errors).containsOnlyKeys("products");
        assertThat(errors.get("products")).contains("/api/catalog/products");
    }

    @Test
    void profileTextsHaveLengthLimits() {
        Map<String, String> errors = errorsOf(new KnowledgeUpdate(List.of(), new ProfileEntry("a".repeat(1001),
                "h".repeat(301), "d".repeat(1001), "r".repeat(1001), "p".repeat(301)), null));

        assertThat(errors).containsOnlyKeys("profile.about", "profile.openingHours", "profile.delivery",
                "profile.returns", "profile.paymentMethods");
        assertThat(errors.get("profile.openingHours")).isEqualTo("must be at most 300 characters");
    }

    @Test
    void controlCharactersAndOverlongTextsAreRejected() {
        Map<String, String> errors = errorsOf(new KnowledgeUpdate(
                List.of(new FaqEntry("a\u0000b", "q".repeat(501), "fine\nmultiline\tanswer")),
                new ProfileEntry("bell\u0007", null, null, null, null), null));

        assertThat(errors).containsOnlyKeys("faqs[0].topic", "faqs[0].question", "profile.about");
    }

    @Test
    void missingDocumentNamesTheFaqs() {
        assertThat(errorsOf(null)).containsOnlyKeys("faqs");
    }

    private static Map<String, String> errorsOf(KnowledgeUpdate document) {
        InvalidKnowledgeException invalid = catchThrowableOfType(InvalidKnowledgeException.class,
                () -> KnowledgeDocumentValidator.validate(document));
        return invalid == null ? Map.of() : invalid.fieldErrors();
    }
}
