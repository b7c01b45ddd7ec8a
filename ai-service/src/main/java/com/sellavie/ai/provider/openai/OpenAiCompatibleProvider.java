package com.sellavie.ai.provider.openai;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * A Chat Completions endpoint ({@code POST {base}/v1/chat/completions}, PROVIDERS.md §5) through
 * Spring AI's {@link OpenAiChatModel}: OpenAI, or Groq and any other OpenAI-compatible API by base
 * URL. Errors are mapped to {@link ProviderException}s that follow the failover rule.
 */
public class OpenAiCompatibleProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final OpenAiChatModel chatModel;

    public OpenAiCompatibleProvider(String name, OpenAiCompatibleSettings settings, ObservationRegistry observations) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            throw new IllegalStateException("AI provider " + name + " is in sellavie.ai.providers but has no API key "
                    + "(sellavie.ai.openai-compatible." + name + ".api-key)");
        }
        this.name = name;
        this.model = settings.model();
        this.chatModel = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(settings.versionedBaseUrl())
                        .apiKey(settings.apiKey())
                        .model(settings.model())
                        .maxTokens(settings.maxTokens())
                        .timeout(settings.timeout())
                        .maxRetries(settings.maxRetries())
                        .build())
                .observationRegistry(observations)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reply complete(Prompt prompt) throws ProviderException {
        ChatResponse response = call(new org.springframework.ai.chat.prompt.Prompt(messages(prompt)));
        Generation generation = response.getResult();
        String text = generation == null ? null : generation.getOutput().getText();
        if (text == null || text.isBlank()) {
            throw ProviderException.transientFailure(name, "the completion had no text", null);
        }
        return new Reply(text, name, modelOf(response), false);
    }

    private ChatResponse call(org.springframework.ai.chat.prompt.Prompt prompt) throws ProviderException {
        try {
            return chatModel.call(prompt);
        } catch (OpenAIServiceException e) {
            throw ProviderException.httpStatus(name, e.statusCode(), e.getClass().getSimpleName(), e);
        } catch (OpenAIIoException | OpenAIRetryableException | OpenAIInvalidDataException e) {
            throw ProviderException.transientFailure(name, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private String modelOf(ChatResponse response) {
        String answered = response.getMetadata() == null ? null : response.getMetadata().getModel();
        return answered == null || answered.isBlank() ? model : answered;
    }

    private static List<Message> messages(Prompt prompt) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(prompt.instructions()));
        for (Prompt.Turn turn : prompt.history()) {
            messages.add(turn.speaker() == Prompt.Speaker.CUSTOMER
                    ? new UserMessage(turn.text())
                    : new AssistantMessage(turn.text()));
        }
        messages.add(new UserMessage(prompt.customerMessage()));
        return messages;
    }
}
