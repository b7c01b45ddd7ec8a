package com.sellavie.conversation.handoff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A business's handoff settings: the phrases that make a customer's message a request for a person
 * ({@link HandoffKeywords} says how they match), and how long a HUMAN conversation may stay quiet
 * before the assistant takes it back.
 */
public record HandoffSettings(
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> keywords,
        @NotNull @Min(1) @Max(10_080) Integer quietPeriodMinutes) {

    /** Two hours: long enough for a person to come back to a chat, short enough that a customer is not left unanswered overnight. */
    public static final int DEFAULT_QUIET_PERIOD_MINUTES = 120;

    /** Single words match only a message that is that word; phrases match anywhere (see HandoffKeywords). */
    public static final List<String> DEFAULT_KEYWORDS = List.of("agent", "human", "person", "human agent",
            "real person", "talk to a person", "talk to a human", "speak to a person", "speak to a human",
            "customer service");

    public static HandoffSettings defaults() {
        return new HandoffSettings(DEFAULT_KEYWORDS, DEFAULT_QUIET_PERIOD_MINUTES);
    }

    /** Keywords as stored: normalised like the messages they are matched against, blanks and duplicates dropped. */
    HandoffSettings normalised() {
        return new HandoffSettings(keywords.stream().map(HandoffKeywords::normalise).filter(k -> !k.isEmpty())
                .distinct().toList(), quietPeriodMinutes);
    }
}
