package com.sellavie.notification.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagePreviewTest {

    @Test
    void shortTextIsShownWhole() {
        assertThat(MessagePreview.of("Is the linen shirt available?")).isEqualTo("Is the linen shirt available?");
    }

    @Test
    void longTextIsCutTo140CharactersWithAnEllipsis() {
        String preview = MessagePreview.of("a".repeat(139) + " and then some more words");

        assertThat(preview).hasSize(MessagePreview.MAX_CHARS).endsWith("…").startsWith("a".repeat(139));
    }

    @Test
    void textOfExactly140CharactersIsNotCut() {
        assertThat(MessagePreview.of("b".repeat(140))).isEqualTo("b".repeat(140));
    }

    @Test
    void lineBreaksAndWhitespaceRunsBecomeOneSpace() {
        assertThat(MessagePreview.of("  Hello\n\nis this\t in stock?  ")).isEqualTo("Hello is this in stock?");
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String preview = MessagePreview.of("😀".repeat(200));

        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(MessagePreview.MAX_CHARS);
        assertThat(preview).isEqualTo("😀".repeat(139) + "…");
    }

    @Test
    void messageWithoutTextSaysItIsAnAttachment() {
        assertThat(MessagePreview.of(null)).isEqualTo(MessagePreview.WITHOUT_TEXT);
        assertThat(MessagePreview.of("  ")).isEqualTo(MessagePreview.WITHOUT_TEXT);
    }
}
