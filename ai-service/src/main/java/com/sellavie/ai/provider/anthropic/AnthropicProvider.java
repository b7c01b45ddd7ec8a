package com.sellavie.ai.provider.anthropic;

import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicRetryableException;
import com.anthropic.errors.AnthropicServiceException;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Conversation;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderErrors;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;

/**
 * Anthropic's Messages API ({@code POST {base}/v1/messages}, PROVIDERS.md §5) through Spring AI's
 * {@link AnthropicChatModel}: {@code x-api-key}, {@code anthropic-version} pinned to
 * {@value #API_VERSION} (a newer version removes fields), the system prompt as the top-level
 * {@code system} field, {@code max_tokens} always sent. No client retries: the chain fails over.
 */
public class AnthropicProvider implements ChatProvider {

    /** Pinned: PROVIDERS.md §6.6. */
    public static final String API_VERSION = "2023-06-01";

    private final String name;
    private final String model;
    private final AnthropicChatModel chatModel;

    public AnthropicProvider(String name, ProviderEndpoint endpoint, ObservationRegistry observations) {
        this.name = name;
        this.model = endpoint.model();
        this.chatModel = AnthropicChatModel.builder()
                .options(AnthropicChatOptions.builder()
                        .baseUrl(endpoint.root())
                        .apiKey(endpoint.apiKey())
                        .model(endpoint.model())
                        .maxTokens(endpoint.maxTokens())
                        .temperature(endpoint.temperature())
                        .timeout(endpoint.timeout())
                        .maxRetries(0)
                        .customHeaders(Map.of("anthropic-version", API_VERSION))
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
        try {
            return Conversation.reply(name, model, chatModel.call(Conversation.of(prompt)));
        } catch (AnthropicServiceException e) {
            throw ProviderException.httpStatus(name, e.statusCode(), e.getClass().getSimpleName(), e);
        } catch (AnthropicInvalidDataException e) {
            throw ProviderErrors.malformed(name, "unreadable answer: " + e.getMessage(), e);
        } catch (AnthropicIoException | AnthropicRetryableException e) {
            throw ProviderErrors.noAnswer(name, e);
        }
    }
}
