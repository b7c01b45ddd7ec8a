package com.sellavie.ai.provider;

/** A chat model that can write a reply: the offline responder, OpenAI, Groq, later Anthropic. */
public interface ChatProvider {

    /** The name configuration and reply metadata use: {@code offline}, {@code openai}, {@code groq}. */
    String name();

    /**
     * The model's reply to the prompt, action tags included (the caller parses and strips them).
     *
     * @throws ProviderException when no reply came; {@link ProviderException#failover()} says whether
     *                           the next provider should be tried
     */
    Reply complete(Prompt prompt) throws ProviderException;
}
