package com.sellavie.systemtests.stack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Two OpenAI-compatible platform providers of ai-service as one WireMock server, shaped like PROVIDERS.md §5
 * (OpenAI's Chat Completions body): {@code openai} under {@code /openai} and {@code groq} under
 * {@code /groq/openai} (Groq's own base path). Each answers a text of its own, so a reply shows which one
 * wrote it. The stack keeps ai-service's default chain {@code offline}: only a business that puts them in
 * its order (Settings → AI) reaches them.
 */
public final class AiProviderApis implements AutoCloseable {

    public static final String OPENAI_MODEL = "gpt-4o-mini";
    public static final String GROQ_MODEL = "llama-3.3-70b-versatile";
    /** Platform keys: ai-service only needs them to be set (the stub does not check them). */
    static final String OPENAI_KEY = "sk-stack-openai-0123456789abcdef";
    static final String GROQ_KEY = "gsk_stack_groq_0123456789abcdef";

    private final WireMockServer server;

    private AiProviderApis(WireMockServer server) {
        this.server = server;
    }

    static AiProviderApis start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(20));
        server.start();
        AiProviderApis apis = new AiProviderApis(server);
        apis.answer("openai", "The first provider (openai) answered.");
        apis.answer("groq", "The second provider (groq) answered.");
        return apis;
    }

    /** {@code SELLAVIE_AI_OPENAI_BASE_URL}: ai-service adds {@code /v1}. */
    String openAiBaseUrl() {
        return server.baseUrl() + "/openai";
    }

    /** {@code SELLAVIE_AI_GROQ_BASE_URL}, Groq's {@code /openai} root as on api.groq.com. */
    String groqBaseUrl() {
        return server.baseUrl() + "/groq/openai";
    }

    /** Every chat completion {@code provider} ({@code openai} or {@code groq}) is asked for answers {@code text}. */
    public void answer(String provider, String text) {
        server.stubFor(post(urlPathEqualTo(completionsPath(provider))).atPriority(10)
                .willReturn(completion(model(provider), text)));
    }

    /**
     * A chat completion whose request (system prompt, history, message) contains {@code promptPart} answers
     * {@code text}: how a journey sees that the business's knowledge reached the model.
     */
    public void answerWhenPromptContains(String provider, String promptPart, String text) {
        server.stubFor(post(urlPathEqualTo(completionsPath(provider))).atPriority(1)
                .withRequestBody(containing(promptPart))
                .willReturn(completion(model(provider), text)));
    }

    /** How many chat completions {@code provider} was asked for whose request contains {@code promptPart}. */
    public int completionsContaining(String provider, String promptPart) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(completionsPath(provider)))
                .withRequestBody(containing(promptPart)).build()).getCount();
    }

    private static String completionsPath(String provider) {
        return switch (provider) {
            case "openai" -> "/openai/v1/chat/completions";
            case "groq" -> "/groq/openai/v1/chat/completions";
            default -> throw new IllegalArgumentException("No stubbed provider " + provider + " (openai, groq)");
        };
    }

    private static String model(String provider) {
        return "openai".equals(provider) ? OPENAI_MODEL : GROQ_MODEL;
    }

    /** OpenAI's documented {@code chat.completion} body (Groq answers the same shape). */
    private static ResponseDefinitionBuilder completion(String model, String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {
                  "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
                  "object": "chat.completion",
                  "created": 1741570283,
                  "model": "%s",
                  "choices": [
                    {
                      "index": 0,
                      "message": {"role": "assistant", "content": "%s", "refusal": null, "annotations": []},
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
                  "service_tier": "default",
                  "system_fingerprint": "fp_06737a9306"
                }
                """.formatted(model, content.replace("\\", "\\\\").replace("\"", "\\\"")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
