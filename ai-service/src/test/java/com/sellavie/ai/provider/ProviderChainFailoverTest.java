package com.sellavie.ai.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.error;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.offline.OfflineProvider;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.ai.provider.openai.OpenAiCompatibleProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROVIDERS.md §5's failover rule, against two OpenAI-shaped endpoints ("/first", "/second") on WireMock. */
class ProviderChainFailoverTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504, 529})
    void transientErrorOfTheFirstProviderLetsTheSecondAnswer(int status) throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(status, "server_error", "Slow Down")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "Hello from second")));

        Reply reply = chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi"));

        assertThat(reply.text()).isEqualTo("Hello from second");
        assertThat(reply.providerName()).isEqualTo("second");
        assertThat(meters.counter("sellavie.ai.provider.failovers", "provider", "first").count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 400, 404, 413})
    void configurationOrRequestErrorIsSurfacedWithoutFailover(int status) {
        api.stubFor(chatCompletions("/first").willReturn(error(status, "invalid_request_error", "Incorrect API key")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "never")));

        assertThatThrownBy(() -> chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failover()).isFalse();
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.provider()).isEqualTo("first");
                    assertThat(e.getMessage()).doesNotContain(ChatCompletionStubs.KEY);
                });
        api.verify(0, postRequestedFor(urlPathEqualTo("/second/v1/chat/completions")));
    }

    @Test
    void timeoutFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(ChatCompletionStubs.slow(Duration.ofSeconds(3))));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "in time")));

        assertThat(chain(Duration.ofMillis(500)).complete(Fixtures.prompt("hi")).text()).isEqualTo("in time");
    }

    @Test
    void droppedConnectionFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "still here")));

        assertThat(chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")).text()).isEqualTo("still here");
    }

    @Test
    void malformedBodyFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": 42")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "parsed")));

        assertThat(chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")).text()).isEqualTo("parsed");
    }

    @Test
    void offlineAnswersWhenEveryRemoteProviderIsDown() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(503, "server_error", "overloaded")));
        ProviderChain chain = new ProviderChain(List.of(provider("first", Duration.ofSeconds(5)), new OfflineProvider()),
                meters);

        Reply reply = chain.complete(Fixtures.prompt("hello"));

        assertThat(reply.offline()).isTrue();
        assertThat(reply.providerName()).isEqualTo("offline");
    }

    @Test
    void whenEveryProviderFailsOverTheChainFailsOverToo() {
        api.stubFor(chatCompletions("/first").willReturn(error(503, "server_error", "overloaded")));
        api.stubFor(chatCompletions("/second").willReturn(error(429, "rate_limit_exceeded", "Rate limit reached")));

        assertThatThrownBy(() -> chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failover()).isTrue();
                    assertThat(e.getMessage()).contains("first: HTTP 503", "second: HTTP 429");
                });
    }

    private ProviderChain chain(Duration timeout) {
        return new ProviderChain(List.of(provider("first", timeout), provider("second", timeout)), meters);
    }

    private static ChatProvider provider(String name, Duration timeout) {
        return new OpenAiCompatibleProvider(name, settings(api.baseUrl() + "/" + name, timeout),
                ObservationRegistry.NOOP);
    }
}
