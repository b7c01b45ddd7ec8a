package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FallbackMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bonjour, vous livrez à Abidjan ?", "c'est combien la chemise en lin",
            "Je voudrais commander 2 chemises svp", "ça coûte combien ?", "merci"})
    void frenchMessagesGetTheFrenchApology(String message) {
        assertThat(FallbackMessage.forCustomer(message)).isEqualTo(FallbackMessage.FRENCH)
                .startsWith("Désolé").contains("transmis votre message à l'équipe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Do you ship abroad?", "how much is the linen shirt", "hello", "I want to buy the tote"})
    void englishMessagesGetTheEnglishApology(String message) {
        assertThat(FallbackMessage.forCustomer(message)).isEqualTo(FallbackMessage.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr-CI"})
    void aBusinessThatRepliesOnlyInFrenchApologisesInFrenchWhateverTheCustomerWrote(String fixed) {
        assertThat(FallbackMessage.forCustomer("Do you ship abroad?", fixed)).isEqualTo(FallbackMessage.FRENCH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pt-BR", "yo"})
    void aFixedLanguageWithoutAnApologyOfItsOwnFallsBackToTheCustomersLanguage(String fixed) {
        assertThat(FallbackMessage.forCustomer("Bonjour, vous livrez ?", fixed)).isEqualTo(FallbackMessage.FRENCH);
        assertThat(FallbackMessage.forCustomer("Do you ship abroad?", fixed)).isEqualTo(FallbackMessage.ENGLISH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"👍", "LINEN-SHIRT-M", "Habari, bei gani?"})
    void unclearOrOtherLanguagesFallBackToEnglish(String message) {
        assertThat(FallbackMessage.forCustomer(message)).isEqualTo(FallbackMessage.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {FallbackMessage.ENGLISH, FallbackMessage.FRENCH})
    void theApologyPromisesNothingButTheHandover(String apology) {
        assertThat(apology.toLowerCase()).doesNotContain("will reply", "minutes", "soon", "répondra", "bientôt",
                "link", "lien", "order", "commande");
    }
}
