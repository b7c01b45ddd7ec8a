package com.sellavie.ai.provider;

import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

/** A {@link Prompt} as Spring AI messages: system instructions, the history, the customer's message. */
public final class Conversation {

    private Conversation() {
    }

    public static org.springframework.ai.chat.prompt.Prompt of(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(prompt.instructions()));
        for (Prompt.Turn turn : prompt.history()) {
            messages.add(turn.speaker() == Prompt.Speaker.CUSTOMER
                    ? new UserMessage(turn.text())
                    : new AssistantMessage(turn.text()));
        }
        messages.add(new UserMessage(prompt.customerMessage()));
        return new org.springframework.ai.chat.prompt.Prompt(messages);
    }

    /** The first generation's text with the tokens it took, or a MALFORMED failure when there is no text. */
    public static Reply reply(String provider, String configuredModel,
            org.springframework.ai.chat.model.ChatResponse response) throws ProviderException {
        var generation = response == null ? null : response.getResult();
        String text = generation == null || generation.getOutput() == null ? null : generation.getOutput().getText();
        if (text == null || text.isBlank()) {
            throw ProviderErrors.malformed(provider, "the answer had no text", null);
        }
        String answered = response.getMetadata() == null ? null : response.getMetadata().getModel();
        return new Reply(text, provider, answered == null || answered.isBlank() ? configuredModel : answered, false,
                TokenUsage.of(response));
    }
}
