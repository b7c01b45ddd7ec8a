package com.sellavie.ai.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.ollama.OllamaStubs.answer;
import static com.sellavie.ai.provider.ollama.OllamaStubs.chat;
import static com.sellavie.ai.provider.ollama.OllamaStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.AiProviderProperties;
import com.sellavie.ai.provider.FailureCause;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.ProviderFactory;
import com.sellavie.ai.provider.ProviderGuards;
import com.sellavie.ai.provider.ProviderKind;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Self-hosted models: Ollama's own API, and an OpenAI-compatible server without a key, on WireMock. */
class OllamaProviderTest {

    @RegisterExtension
    static final WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void nativeApiGetsTheConversationInOneNonStreamingCall() throws Exception {
        ollama.stubFor(chat("").willReturn(answer("llama3.2", "Hello from the shop's own model")));

        Reply reply = provider(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi"));

        assertThat(reply.text()).isEqualTo("Hello from the shop's own model");
        assertThat(reply.providerName()).isEqualTo("ollama");
        assertThat(reply.model()).isEqualTo("llama3.2");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(26, 298));
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[-1:]", equalToJson("""
                        [{"role":"user","content":"hi"}]""", true, true))));
    }

    @Test
    void aMissingModelIsARequestErrorNotAPull() {
        ollama.stubFor(chat("").willReturn(error(404, "model \"llama3.2\" not found, try pulling it first")));

        assertThatThrownBy(() -> provider(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failureCause()).isEqualTo(FailureCause.REQUEST_REJECTED);
                    assertThat(e.status()).isEqualTo(404);
                });
        ollama.verify(0, postRequestedFor(urlPathEqualTo("/api/pull")));
    }

    @Test
    void aServerErrorFailsOverWithoutRetry() {
        ollama.stubFor(chat("").willReturn(error(500, "llama runner process has terminated")));

        assertThatThrownBy(() -> provider(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.SERVER_ERROR));
        ollama.verify(1, postRequestedFor(urlPathEqualTo("/api/chat")));
    }

    @Test
    void aSlowModelTimesOut() {
        ollama.stubFor(chat("").willReturn(answer("llama3.2", "late").withFixedDelay(3000)));

        assertThatThrownBy(() -> provider(Duration.ofMillis(400)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.TIMEOUT));
    }

    @Test
    void anOpenAiCompatibleServerNeedsNoKey() throws Exception {
        ollama.stubFor(ChatCompletionStubs.chatCompletions("").willReturn(
                ChatCompletionStubs.completion("qwen2.5:7b", "Hi from vLLM")));
        ProviderEndpoint endpoint = new ProviderEndpoint(ProviderKind.OLLAMA, ollama.baseUrl(), "", "qwen2.5:7b",
                Duration.ofSeconds(5), 200, "openai");

        Reply reply = factory().create("selfhosted", endpoint).complete(Fixtures.prompt("hi"));

        assertThat(reply.text()).isEqualTo("Hi from vLLM");
        ollama.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5:7b"))));
    }

    @Test
    void theNativeApiIsReachedThroughTheFactoryWithoutAKeyToo() throws Exception {
        ollama.stubFor(chat("").willReturn(answer("llama3.2", "native")));
        ProviderEndpoint endpoint = new ProviderEndpoint(ProviderKind.OLLAMA, ollama.baseUrl(), null, "llama3.2",
                Duration.ofSeconds(5), 200);

        assertThat(factory().create("ollama", endpoint).complete(Fixtures.prompt("hi")).text()).isEqualTo("native");
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat")).withHeader("Authorization", absent()));
    }

    private static OllamaProvider provider(Duration timeout) {
        return new OllamaProvider("ollama", new ProviderEndpoint(ProviderKind.OLLAMA, ollama.baseUrl(), null,
                "llama3.2", timeout, 200), ObservationRegistry.NOOP);
    }

    private static ProviderFactory factory() {
        return new ProviderFactory(new ProviderGuards(new AiProviderProperties.Resilience(0, 0, 0, null, null, 0, null),
                new SimpleMeterRegistry()), ObservationRegistry.NOOP);
    }
}
