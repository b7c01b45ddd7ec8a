package com.sellavie.ai.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.anthropic.MessagesStubs;
import com.sellavie.ai.provider.offline.OfflineProvider;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PROVIDERS.md §5's failover rule through guarded providers (breaker per provider and key, bulkhead per
 * provider), against provider-shaped endpoints on WireMock ("/first", "/second", "/claude").
 */
class ProviderChainFailoverTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProviderFactory factory = factory(new AiProviderProperties.Resilience(50, 4, 4,
            Duration.ofMinutes(1), Duration.ofMinutes(10), 1, Duration.ZERO));

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504, 529})
    void transientErrorOfTheFirstProviderLetsTheSecondAnswer(int status) throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(status, "server_error", "Slow Down")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "Hello from second")));

        Reply reply = chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi"));

        assertThat(reply.text()).isEqualTo("Hello from second");
        assertThat(reply.providerName()).isEqualTo("second");
        assertThat(meters.counter("sellavie.ai.provider.failovers", "provider", "first").count()).isEqualTo(1);
        String cause = status == 429 ? "rate_limited" : status == 529 ? "overloaded" : "server_error";
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", cause).count())
                .isEqualTo(1);
        assertThat(meters.timer("sellavie.ai.provider.calls", "provider", "second", "outcome", "success").count())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 413})
    void requestErrorIsSurfacedWithoutFailover(int status) {
        api.stubFor(chatCompletions("/first").willReturn(error(status, "invalid_request_error", "bad request")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "never")));

        assertThatThrownBy(() -> chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failover()).isFalse();
                    assertThat(e.failureCause()).isEqualTo(FailureCause.REQUEST_REJECTED);
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.provider()).isEqualTo("first");
                });
        api.verify(0, postRequestedFor(urlPathEqualTo("/second/v1/chat/completions")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRefusedKeyIsAlertedAndSkippedWhileTheNextProviderAnswers(int status) throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(status, "invalid_request_error",
                "Incorrect API key provided: sk-test-****cdef")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "second helps")));
        ProviderChain chain = chain(Duration.ofSeconds(5));

        assertThat(chain.complete(Fixtures.prompt("hi")).text()).isEqualTo("second helps");
        assertThat(chain.complete(Fixtures.prompt("hi again")).text()).isEqualTo("second helps");

        // The refused key is called once, then skipped without a call; the alert names the key, not the key.
        api.verify(1, postRequestedFor(urlPathEqualTo("/first/v1/chat/completions")));
        String keyId = ChatCompletionStubs.settings("x", Duration.ofSeconds(1)).keyId();
        assertThat(meters.counter("sellavie.ai.provider.key_rejected", "provider", "first", "key", keyId).count())
                .isEqualTo(1);
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", "breaker_open")
                .count()).isEqualTo(1);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString())
                .doesNotContain(ChatCompletionStubs.KEY));
    }

    @Test
    void whenOnlyRefusedKeysAreLeftNoRetryWillHelp() {
        api.stubFor(chatCompletions("/first").willReturn(error(401, "invalid_request_error", "Incorrect API key")));
        api.stubFor(chatCompletions("/second").willReturn(error(403, "permission_denied", "unsupported_country")));

        assertThatThrownBy(() -> chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failover()).isFalse();
                    assertThat(e.getMessage()).contains("first: HTTP 401", "second: HTTP 403")
                            .doesNotContain(ChatCompletionStubs.KEY);
                });
    }

    @Test
    void anthropicOverloadedFailsOverToOpenAi() throws Exception {
        api.stubFor(MessagesStubs.messages("/claude").willReturn(MessagesStubs.error(529, "overloaded_error",
                "Overloaded")));
        api.stubFor(chatCompletions("/second").willReturn(completion("gpt-4o-mini", "OpenAI steps in")));
        ChatProvider claude = factory.create("anthropic", MessagesStubs.endpoint(api.baseUrl() + "/claude",
                Duration.ofSeconds(5)));
        ProviderChain chain = new ProviderChain(List.of(claude, provider("second", Duration.ofSeconds(5))), meters);

        Reply reply = chain.complete(Fixtures.prompt("hi"));

        assertThat(reply.providerName()).isEqualTo("second");
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "anthropic", "cause", "overloaded")
                .count()).isEqualTo(1);
    }

    @Test
    void anOpenBreakerSkipsItsProviderWithoutACall() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(503, "server_error", "overloaded")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "second")));
        ProviderChain chain = chain(Duration.ofSeconds(5));

        // Four failures of four calls open the breaker (window 4, threshold 50%)
        for (int i = 0; i < 6; i++) {
            assertThat(chain.complete(Fixtures.prompt("hi " + i)).providerName()).isEqualTo("second");
        }

        api.verify(4, postRequestedFor(urlPathEqualTo("/first/v1/chat/completions")));
        String breaker = "ai-provider.first." + ChatCompletionStubs.settings("x", Duration.ofSeconds(1)).keyId();
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", breaker).tag("state", "open").gauge()
                .value()).isEqualTo(1.0);
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", "breaker_open")
                .count()).isEqualTo(2);
    }

    @Test
    void theBreakerBelongsToTheKeySoAnotherKeyOfTheSameProviderStillCalls() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(error(401, "invalid_request_error", "Incorrect API key")));
        ChatProvider platformKey = provider("first", Duration.ofSeconds(5));
        assertThatThrownBy(() -> platformKey.complete(Fixtures.prompt("hi"))).isInstanceOf(ProviderException.class);
        api.stubFor(chatCompletions("/first").willReturn(completion("gpt-4o-mini", "the business's own key works")));
        ChatProvider businessKey = factory.create("first", new ProviderEndpoint(ProviderKind.OPENAI,
                api.baseUrl() + "/first", "sk-business-key-99999999", "gpt-4o-mini", Duration.ofSeconds(5), 200));

        assertThat(businessKey.complete(Fixtures.prompt("hi")).text()).isEqualTo("the business's own key works");
        assertThatThrownBy(() -> platformKey.complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.BREAKER_OPEN));
    }

    @Test
    void aProviderAtItsConcurrencyLimitIsSkippedAtOnce() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(completion("gpt-4o-mini", "slow").withFixedDelay(2000)));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "free slot")));
        ProviderChain chain = chain(Duration.ofSeconds(5));
        CompletableFuture<Reply> busy = CompletableFuture.supplyAsync(() -> {
            try {
                return chain.complete(Fixtures.prompt("first caller"));
            } catch (ProviderException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> api.getAllServeEvents().size() == 1);

        Reply second = chain.complete(Fixtures.prompt("second caller"));

        assertThat(second.text()).isEqualTo("free slot");
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", "bulkhead_full")
                .count()).isEqualTo(1);
        assertThat(busy.get().text()).isEqualTo("slow");
    }

    @Test
    void timeoutFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(ChatCompletionStubs.slow(Duration.ofSeconds(3))));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "in time")));

        assertThat(chain(Duration.ofMillis(500)).complete(Fixtures.prompt("hi")).text()).isEqualTo("in time");
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", "timeout").count())
                .isEqualTo(1);
    }

    @Test
    void droppedConnectionFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "still here")));

        assertThat(chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")).text()).isEqualTo("still here");
    }

    @Test
    void malformedBodyFailsOver() throws Exception {
        api.stubFor(chatCompletions("/first").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choices\": 42")));
        api.stubFor(chatCompletions("/second").willReturn(completion("llama-3.3-70b-versatile", "parsed")));

        assertThat(chain(Duration.ofSeconds(5)).complete(Fixtures.prompt("hi")).text()).isEqualTo("parsed");
        assertThat(meters.counter("sellavie.ai.provider.failures", "provider", "first", "cause", "malformed").count())
                .isEqualTo(1);
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
        assertThat(meters.counter("sellavie.ai.provider.exhausted").count()).isEqualTo(1);
    }

    private ProviderChain chain(Duration timeout) {
        return new ProviderChain(List.of(provider("first", timeout), provider("second", timeout)), meters);
    }

    private ChatProvider provider(String name, Duration timeout) {
        return factory.create(name, ChatCompletionStubs.settings(api.baseUrl() + "/" + name, timeout));
    }

    private ProviderFactory factory(AiProviderProperties.Resilience resilience) {
        return new ProviderFactory(new ProviderGuards(resilience, meters), ObservationRegistry.NOOP);
    }
}
