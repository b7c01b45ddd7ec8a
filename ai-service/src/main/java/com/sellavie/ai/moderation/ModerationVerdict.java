package com.sellavie.ai.moderation;

import java.util.Objects;

/**
 * What moderation made of a message.
 *
 * @param category what it is, {@code null} when nothing was found
 * @param source   who judged: {@code openai} or {@code rules}
 * @param detail   the provider's categories or the rule that matched (never the message itself)
 */
public record ModerationVerdict(Category category, String source, String detail) {

    public ModerationVerdict {
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }

    static ModerationVerdict clean(String source) {
        return new ModerationVerdict(null, source, "");
    }

    public boolean flagged() {
        return category != null;
    }

    /** What the merchant reads as the handoff's reason. */
    public String handoffReason() {
        return "Flagged by moderation: " + category.label() + " (" + source + (detail.isEmpty() ? "" : ": " + detail)
                + "). No AI reply was sent.";
    }

    /** The kinds of message that get no AI reply, most serious first. */
    public enum Category {
        SELF_HARM("self-harm"),
        THREAT("threat"),
        ABUSE("abuse");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
