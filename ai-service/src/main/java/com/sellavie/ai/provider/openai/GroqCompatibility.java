package com.sellavie.ai.provider.openai;

import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Groq speaks OpenAI's API but answers 400 to {@code logprobs}, {@code logit_bias},
 * {@code top_logprobs} and {@code n} other than 1 (PROVIDERS.md §5, console.groq.com/docs/openai):
 * a failover to Groq must not carry them, or it turns into a request error.
 */
final class GroqCompatibility {

    private GroqCompatibility() {
    }

    static OpenAiChatOptions strip(OpenAiChatOptions options) {
        return options.mutate().logprobs(null).topLogprobs(null).logitBias(null).n(null).build();
    }
}
