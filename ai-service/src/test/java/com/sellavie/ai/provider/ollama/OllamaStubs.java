package com.sellavie.ai.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * WireMock stubs shaped like Ollama's own chat API ({@code POST /api/chat}, non-streaming, as
 * Ollama's docs/api.md shows it): the final message object and the {@code {"error": "..."}} body.
 */
public final class OllamaStubs {

    private OllamaStubs() {
    }

    public static MappingBuilder chat(String prefix) {
        return post(urlPathEqualTo(prefix + "/api/chat"));
    }

    public static ResponseDefinitionBuilder answer(String model, String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {
                  "model": "%s",
                  "created_at": "2023-12-12T14:13:43.416799Z",
                  "message": {"role": "assistant", "content": %s},
                  "done": true,
                  "done_reason": "stop",
                  "total_duration": 5191566416,
                  "load_duration": 2154458,
                  "prompt_eval_count": 26,
                  "prompt_eval_duration": 383809000,
                  "eval_count": 298,
                  "eval_duration": 4799921000
                }
                """.formatted(model, json(content)));
    }

    public static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": " + json(message) + "}");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
