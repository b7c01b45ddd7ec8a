package com.sellavie.ai.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.FailureCause;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.ProviderKind;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Groq: OpenAI's API at {@code https://api.groq.com/openai}, minus the fields it refuses (PROVIDERS.md §5). */
class GroqProviderTest {

    static final String GROQ_KEY = "gsk_test_0123456789abcdefghij";

    @RegisterExtension
    static final WireMockExtension groq = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void stripsTheFieldsGroqAnswersWithA400() {
        OpenAiChatOptions options = OpenAiChatOptions.builder().model("llama-3.3-70b-versatile").logprobs(true)
                .topLogprobs(3).logitBias(Map.of("50256", -100)).n(2).temperature(0.2).build();

        OpenAiChatOptions stripped = GroqCompatibility.strip(options);

        assertThat(stripped.getLogprobs()).isNull();
        assertThat(stripped.getTopLogprobs()).isNull();
        assertThat(stripped.getLogitBias()).isNullOrEmpty();
        assertThat(stripped.getN()).isNull();
        assertThat(stripped.getModel()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(stripped.getTemperature()).isEqualTo(0.2);
    }

    @Test
    void callsTheOpenAiCompatiblePathWithTheGroqKeyAndNoRefusedField() throws Exception {
        groq.stubFor(chatCompletions("/openai").willReturn(completion("llama-3.3-70b-versatile", "Hi from Groq")));

        assertThat(provider().complete(Fixtures.prompt("hi")).text()).isEqualTo("Hi from Groq");

        groq.verify(postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + GROQ_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama-3.3-70b-versatile"))));
        String body = groq.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(body).doesNotContain("\"logprobs\"", "\"logit_bias\"", "\"top_logprobs\"", "\"name\"")
                .doesNotContainPattern("\"n\"\\s*:\\s*[02-9]");
    }

    @Test
    void groqsInvalidRequestErrorIsSurfaced() {
        groq.stubFor(chatCompletions("/openai").willReturn(error(400, "invalid_request_error",
                "'logprobs' : This feature is not supported.")));

        assertThatThrownBy(() -> provider().complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.REQUEST_REJECTED));
    }

    private static OpenAiCompatibleProvider provider() {
        return new OpenAiCompatibleProvider("groq", new ProviderEndpoint(ProviderKind.GROQ, groq.baseUrl() + "/openai",
                GROQ_KEY, "llama-3.3-70b-versatile", Duration.ofSeconds(5), 200), ObservationRegistry.NOOP);
    }
}
