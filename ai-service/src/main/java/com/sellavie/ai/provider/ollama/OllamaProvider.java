package com.sellavie.ai.provider.ollama;

import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.Conversation;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderErrors;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.ollama.management.ModelManagementOptions;
import org.springframework.ai.ollama.management.PullModelStrategy;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * A self-hosted model behind Ollama's own API ({@code POST {base}/api/chat}, non-streaming) through
 * Spring AI's {@link OllamaChatModel}. Never pulls a model (a missing one is a 404: surfaced), never
 * retries (the chain fails over), reads within the call's timeout. An Ollama (or vLLM, LM Studio...)
 * reached through its OpenAI-compatible API is an {@code OpenAiCompatibleProvider} instead.
 */
public class OllamaProvider implements ChatProvider {

    private final String name;
    private final String model;
    private final OllamaChatModel chatModel;

    public OllamaProvider(String name, ProviderEndpoint endpoint, ObservationRegistry observations) {
        this.name = name;
        this.model = endpoint.model();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(endpoint.timeout()).build());
        requests.setReadTimeout(endpoint.timeout());
        OllamaApi api = OllamaApi.builder()
                .baseUrl(endpoint.root())
                .restClientBuilder(RestClient.builder().requestFactory(requests))
                .responseErrorHandler(new DefaultResponseErrorHandler())
                .build();
        this.chatModel = OllamaChatModel.builder()
                .ollamaApi(api)
                .options(OllamaChatOptions.builder().model(endpoint.model()).numPredict(endpoint.maxTokens())
                        .temperature(endpoint.temperature()).build())
                .modelManagementOptions(ModelManagementOptions.builder()
                        .pullModelStrategy(PullModelStrategy.NEVER).build())
                .retryTemplate(new RetryTemplate(RetryPolicy.builder().maxRetries(0).build()))
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
        } catch (RuntimeException e) {
            throw mapped(e);
        }
    }

    private ProviderException mapped(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException answer) {
                return ProviderException.httpStatus(name, answer.getStatusCode().value(),
                        answer.getClass().getSimpleName(), failure);
            }
            if (t instanceof ResourceAccessException) {
                return ProviderErrors.noAnswer(name, failure);
            }
        }
        return ProviderErrors.malformed(name, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                failure);
    }
}
