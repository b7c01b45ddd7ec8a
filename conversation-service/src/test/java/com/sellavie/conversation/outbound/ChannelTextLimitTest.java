package com.sellavie.conversation.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTextLimitTest {

    @Test
    void instagramTakesAThousandBytesOfUtf8() {
        assertThat(ChannelTextLimit.violation("INSTAGRAM", "a".repeat(1000))).isEmpty();
        assertThat(ChannelTextLimit.violation("INSTAGRAM", "a".repeat(1001)))
                .hasValue("text is 1001 bytes of UTF-8; Instagram takes at most 1000");
        // 334 naira signs are 334 characters but 1002 bytes
        assertThat(ChannelTextLimit.violation("INSTAGRAM", "₦".repeat(334))).isPresent();
    }

    @Test
    void whatsAppTakesFourThousandNinetySixCharactersCountingEmojiOnce() {
        assertThat(ChannelTextLimit.violation("WHATSAPP", "😀".repeat(4096))).isEmpty();
        assertThat(ChannelTextLimit.violation("WHATSAPP", "a".repeat(4097)))
                .hasValue("text is 4097 characters; WhatsApp takes at most 4096");
    }

    @Test
    void messengerAndAnyUnlistedChannelTakeAThousandCharacters() {
        assertThat(ChannelTextLimit.violation("MESSENGER", "₦".repeat(1000))).isEmpty();
        assertThat(ChannelTextLimit.violation("MESSENGER", "a".repeat(1001))).isPresent();
        assertThat(ChannelTextLimit.violation("TELEGRAM", "a".repeat(1001))).isPresent();
    }
}
