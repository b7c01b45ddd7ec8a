package com.sellavie.ai.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageLanguageTest {

    @Test
    void aFrenchMessageIsFrenchWhateverCodeItCarries() {
        // A reference full of hex letters ("a" between digits) is not English words
        assertThat(MessageLanguage.of("Bonjour, vous livrez à Abidjan ? m3a4a5a6a7a8a9a0a1a2a3")).isEqualTo("fr");
        assertThat(MessageLanguage.of("Ma commande 9a1b2c3d-4a5b-6a7b-8a9b-0a1b2c3d4e5f est arrivée ?")).isEqualTo("fr");
    }

    @Test
    void anEnglishMessageIsEnglish() {
        assertThat(MessageLanguage.of("Hi, do you ship to Lagos? My order is A1234")).isEqualTo("en");
    }

    @Test
    void nothingToTellByIsEnglish() {
        assertThat(MessageLanguage.of("12345 ???")).isEqualTo("en");
        assertThat(MessageLanguage.of(null)).isEqualTo("en");
    }
}
