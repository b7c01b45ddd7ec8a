package com.sellavie.conversation.window;

import static com.sellavie.conversation.window.MessagingWindows.decide;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.window.MessagingWindows.Author;
import com.sellavie.conversation.window.WindowDecision.Allowance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessagingWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static Instant customerWrote(Duration ago) {
        return NOW.minus(ago);
    }

    private static final Duration H23M59 = Duration.ofHours(23).plusMinutes(59);
    private static final Duration H24M01 = Duration.ofHours(24).plusMinutes(1);

    @ParameterizedTest
    @ValueSource(strings = {"INSTAGRAM", "MESSENGER"})
    void anyAuthorRespondsWithin24Hours(String channel) {
        for (Author author : Author.values()) {
            assertThat(decide(channel, author, false, customerWrote(H23M59), NOW).allowance())
                    .as(author.name()).isEqualTo(Allowance.RESPONSE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSTAGRAM", "MESSENGER"})
    void aMemberUsesHumanAgentAfter24Hours(String channel) {
        assertThat(decide(channel, Author.MEMBER, false, customerWrote(H24M01), NOW).allowance())
                .isEqualTo(Allowance.HUMAN_AGENT);
        assertThat(decide(channel, Author.MEMBER, false, customerWrote(Duration.ofDays(7).minusMinutes(1)), NOW)
                .allowance()).isEqualTo(Allowance.HUMAN_AGENT);
    }

    @ParameterizedTest
    @EnumSource(value = Author.class, names = {"AI", "SYSTEM"})
    void automatedMessagesNeverUseHumanAgent(Author author) {
        WindowDecision decision = decide("MESSENGER", author, false, customerWrote(H24M01), NOW);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.alternative()).isNull();
        assertThat(decide("INSTAGRAM", author, false, customerWrote(H24M01), NOW).allowed()).isFalse();
    }

    @Test
    void nobodyRepliesOnMessengerOrInstagramAfterSevenDays() {
        WindowDecision decision = decide("MESSENGER", Author.MEMBER, false,
                customerWrote(Duration.ofDays(7).plusMinutes(1)), NOW);
        assertThat(decision.allowance()).isEqualTo(Allowance.NONE);
        assertThat(decision.alternative()).isNull();
        assertThat(decide("INSTAGRAM", Author.MEMBER, false, customerWrote(Duration.ofDays(7)), NOW).allowed())
                .isFalse();
    }

    @Test
    void theWindowEndsAtExactly24Hours() {
        assertThat(decide("WHATSAPP", Author.AI, false, customerWrote(Duration.ofHours(24)), NOW).allowed()).isFalse();
        assertThat(decide("WHATSAPP", Author.AI, false, customerWrote(Duration.ofHours(24).minusMillis(1)), NOW)
                .allowed()).isTrue();
    }

    @Test
    void whatsAppAllowsFreeFormOnlyWithin24Hours() {
        assertThat(decide("WHATSAPP", Author.MEMBER, false, customerWrote(H23M59), NOW).allowance())
                .isEqualTo(Allowance.RESPONSE);
        WindowDecision late = decide("WHATSAPP", Author.MEMBER, false, customerWrote(H24M01), NOW);
        assertThat(late.allowed()).isFalse();
        assertThat(late.alternative()).isEqualTo("TEMPLATE");
        assertThat(decide("WHATSAPP", Author.AI, false, customerWrote(H24M01), NOW).allowed()).isFalse();
    }

    @Test
    void whatsAppTemplateGoesOutsideThe24HourWindow() {
        assertThat(decide("WHATSAPP", Author.MEMBER, true, customerWrote(H24M01), NOW).allowance())
                .isEqualTo(Allowance.TEMPLATE);
        assertThat(decide("WHATSAPP", Author.MEMBER, true, customerWrote(Duration.ofDays(30)), NOW).allowance())
                .isEqualTo(Allowance.TEMPLATE);
    }

    @Test
    void templatesExistOnlyOnWhatsApp() {
        assertThat(decide("MESSENGER", Author.MEMBER, true, customerWrote(Duration.ofMinutes(5)), NOW).allowed())
                .isFalse();
    }

    @Test
    void noCustomerMessageMeansNoWindow() {
        assertThat(decide("INSTAGRAM", Author.MEMBER, false, null, NOW).allowed()).isFalse();
        assertThat(decide("WHATSAPP", Author.MEMBER, false, null, NOW).alternative()).isEqualTo("TEMPLATE");
        assertThat(MessagingWindows.standardWindowClosesAt(null)).isNull();
        assertThat(MessagingWindows.standardWindowClosesAt(NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
