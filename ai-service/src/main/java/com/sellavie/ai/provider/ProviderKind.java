package com.sellavie.ai.provider;

import java.util.Locale;

/** The APIs Sellavie speaks to (PROVIDERS.md §5); each is built by {@link ProviderFactory}. */
public enum ProviderKind {
    /** OpenAI's Chat Completions. */
    OPENAI,
    /** Groq's OpenAI-compatible API, without the fields Groq refuses. */
    GROQ,
    /** Anthropic's Messages API, {@code anthropic-version} pinned. */
    ANTHROPIC,
    /** A self-hosted model: Ollama's own {@code /api/chat}, or any OpenAI-compatible endpoint. */
    OLLAMA;

    /** {@code openai}, {@code groq}, ... as written in configuration. */
    static ProviderKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown AI provider kind '" + text + "': use openai, groq, anthropic or ollama",
                    e);
        }
    }
}
