package com.sellavie.ai.provider;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import java.util.List;
import java.util.Objects;

/**
 * What a provider answers. Every piece of text in it that did not come from a model has been
 * neutralised (no action tag can be smuggled in).
 *
 * @param instructions    the system prompt: who the assistant is, the business's context, the tag rules
 * @param history         earlier turns of the conversation, oldest first
 * @param customerMessage the message to answer
 * @param knowledge       the business's context as data, for providers that do not read prose (offline)
 */
public record Prompt(String instructions, List<Turn> history, String customerMessage, BusinessKnowledge knowledge) {

    public Prompt {
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(customerMessage, "customerMessage");
        Objects.requireNonNull(knowledge, "knowledge");
        history = List.copyOf(history);
    }

    /** One earlier message. */
    public record Turn(Speaker speaker, String text) {
    }

    /** Who wrote a turn. */
    public enum Speaker {
        CUSTOMER,
        ASSISTANT
    }
}
