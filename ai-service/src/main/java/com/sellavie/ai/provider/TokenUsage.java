package com.sellavie.ai.provider;

import org.springframework.ai.chat.model.ChatResponse;

/**
 * Tokens one or more model calls took, as the provider reported them (OpenAI's {@code usage.prompt_tokens} /
 * {@code completion_tokens}, Anthropic's {@code usage.input_tokens} / {@code output_tokens}, Ollama's
 * {@code prompt_eval_count} / {@code eval_count}). A provider that reports nothing counts 0.
 */
public record TokenUsage(long input, long output) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts cannot be negative: " + input + "/" + output);
        }
    }

    /** What the response's metadata says; {@link #NONE} when it carries no usage. */
    public static TokenUsage of(ChatResponse response) {
        var usage = response == null || response.getMetadata() == null ? null : response.getMetadata().getUsage();
        if (usage == null) {
            return NONE;
        }
        return new TokenUsage(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()));
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(input + other.input, output + other.output);
    }

    private static long orZero(Integer count) {
        return count == null || count < 0 ? 0 : count;
    }
}
