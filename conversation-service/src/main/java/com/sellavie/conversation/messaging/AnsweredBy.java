package com.sellavie.conversation.messaging;

/**
 * Who wrote an assistant reply, as its ReplyGenerated says: the console labels the message with it.
 *
 * @param provider openai, anthropic, groq, ollama, ... or offline
 * @param model    the provider's model; null for the offline assistant
 * @param offline  the built-in offline assistant wrote it (every provider failed, or none is configured)
 */
public record AnsweredBy(String provider, String model, boolean offline) {
}
