package com.sellavie.ai.provider.openai;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Conversation;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderErrors;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.ProviderKind;
import com.sellavie.ai.provider.Reply;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * A Chat Completions endpoint ({@code POST {base}/v1/chat/completions}, PROVIDERS.md §5) through
 * Spring AI's {@link OpenAiChatModel}: OpenAI, Groq (options stripped of what Groq refuses), or a
 * self-hosted OpenAI-compatible server. No client retries: the chain fails over instead, within the
 * call's timeout. Errors become {@link ProviderException}s that follow the failover rule.
 */
public class OpenAiCompatibleProvider implements ChatProvider {

    /** Self-hosted servers ignore the key, the OpenAI client wants one. */
    static final String KEYLESS = "unused";

    private final String name;
    private final String model;
    private final OpenAiChatModel chatModel;

    public OpenAiCompatibleProvider(String name, ProviderEndpoint endpoint, ObservationRegistry observations) {
        this.name = name;
        this.model = endpoint.model();
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(endpoint.versionedBaseUrl())
                .apiKey(endpoint.hasKey() ? endpoint.apiKey() : KEYLESS)
                .model(endpoint.model())
                .maxTokens(endpoint.maxTokens())
                .temperature(endpoint.temperature())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        this.chatModel = OpenAiChatModel.builder()
                .options(endpoint.kind() == ProviderKind.GROQ ? GroqCompatibility.strip(options) : options)
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
        } catch (OpenAIServiceException e) {
            throw ProviderException.httpStatus(name, e.statusCode(), e.getClass().getSimpleName(), e);
        } catch (OpenAIInvalidDataException e) {
            throw ProviderErrors.malformed(name, "unreadable answer: " + e.getMessage(), e);
        } catch (OpenAIIoException | OpenAIRetryableException e) {
            throw ProviderErrors.noAnswer(name, e);
        }
    }
}
