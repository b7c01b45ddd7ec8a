package com.sellavie.ai.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderKind;
import java.time.Duration;

/**
 * WireMock stubs shaped like Anthropic's Messages API (PROVIDERS.md §5): the documented
 * {@code message} body and the documented error body {@code {"type":"error","error":{...},"request_id"}}.
 */
public final class MessagesStubs {

    public static final String KEY = "sk-ant-api03-test-0123456789abcdef";

    private MessagesStubs() {
    }

    /** {@code POST {prefix}/v1/messages}. */
    public static MappingBuilder messages(String prefix) {
        return post(urlPathEqualTo(prefix + "/v1/messages"));
    }

    public static ResponseDefinitionBuilder message(String model, String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy").withBody("""
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "model": "%s",
                  "content": [{"type": "text", "text": %s}],
                  "stop_reason": "end_turn",
                  "stop_sequence": null,
                  "usage": {"input_tokens": 2095, "output_tokens": 503}
                }
                """.formatted(model, json(text)));
    }

    /** An error answer: 400 invalid_request_error, 401 authentication_error, 429 rate_limit_error, 529 overloaded_error... */
    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                {"type": "error", "error": {"type": "%s", "message": %s}, "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy"}
                """.formatted(type, json(message)));
        return status == 429 ? answer.withHeader("retry-after", "30") : answer;
    }

    public static ProviderEndpoint endpoint(String baseUrl, Duration timeout) {
        return new ProviderEndpoint(ProviderKind.ANTHROPIC, baseUrl, KEY, "claude-haiku-4-5", timeout, 300);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
