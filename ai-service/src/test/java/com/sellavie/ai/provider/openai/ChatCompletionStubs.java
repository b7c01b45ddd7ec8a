package com.sellavie.ai.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderKind;
import java.time.Duration;

/**
 * WireMock stubs shaped like OpenAI's Chat Completions API (PROVIDERS.md §5): the documented
 * {@code chat.completion} body and the documented error answers.
 */
public final class ChatCompletionStubs {

    public static final String KEY = "sk-test-0123456789abcdef";

    private ChatCompletionStubs() {
    }

    /** {@code POST {prefix}/v1/chat/completions}. */
    public static MappingBuilder chatCompletions(String prefix) {
        return post(urlPathEqualTo(prefix + "/v1/chat/completions"));
    }

    public static ResponseDefinitionBuilder completion(String model, String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {
                  "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
                  "object": "chat.completion",
                  "created": 1741570283,
                  "model": "%s",
                  "choices": [
                    {
                      "index": 0,
                      "message": {"role": "assistant", "content": %s, "refusal": null, "annotations": []},
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
                  "service_tier": "default",
                  "system_fingerprint": "fp_06737a9306"
                }
                """.formatted(model, json(content)));
    }

    /** An error answer with OpenAI's error body. */
    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"message": %s, "type": "%s", "param": null, "code": null}}
                """.formatted(json(message), type));
    }

    public static ResponseDefinitionBuilder slow(Duration delay) {
        return completion("gpt-4o-mini", "too late").withFixedDelay((int) delay.toMillis());
    }

    public static ProviderEndpoint settings(String baseUrl, Duration timeout) {
        return new ProviderEndpoint(ProviderKind.OPENAI, baseUrl, KEY, "gpt-4o-mini", timeout, 200);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
