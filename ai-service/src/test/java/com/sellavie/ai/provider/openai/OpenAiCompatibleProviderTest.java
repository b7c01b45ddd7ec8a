package com.sellavie.ai.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.actiontag.ActionTagParser;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.provider.AiProviderProperties;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.FailureCause;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.ProviderFactory;
import com.sellavie.ai.provider.ProviderGuards;
import com.sellavie.ai.provider.ProviderKind;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.TokenUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider seam driven against an OpenAI-shaped HTTP API (WireMock), as the offline provider is. */
class OpenAiCompatibleProviderTest {

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void modelTagsBecomeActionsAndLeaveTheCustomerText() throws Exception {
        // Given an OpenAI-shaped endpoint answering with a tag at the end of its text
        openai.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini-2024-07-18",
                "Great choice! Your checkout link is on its way. [[CHECKOUT sku=LINEN-SHIRT-M qty=2]]")));
        ProviderChain chain = new ProviderChain(List.of(provider("openai", openai.baseUrl())), new SimpleMeterRegistry());
        Prompt prompt = Fixtures.prompt("I want 2 linen shirts");

        // When the chain answers and the reply is parsed against the tenant's catalog
        Reply reply = chain.complete(prompt);
        ParsedReply parsed = ActionTagParser.parse(reply.text(), prompt.knowledge().skus());

        // Then
        assertThat(parsed.text()).isEqualTo("Great choice! Your checkout link is on its way.");
        assertThat(parsed.actions()).containsExactly(
                new Action.Checkout(List.of(new Action.Checkout.Item("LINEN-SHIRT-M", 2))));
        assertThat(reply.providerName()).isEqualTo("openai");
        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(reply.offline()).isFalse();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(120, 30));
    }

    @Test
    void sendsAChatCompletionsRequestWithTheKeyTheModelAndTheConversation() throws Exception {
        openai.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini", "Hello!")));
        Prompt prompt = new Prompt("You are the assistant of Lagos Linen.",
                List.of(new Prompt.Turn(Prompt.Speaker.CUSTOMER, "hi"),
                        new Prompt.Turn(Prompt.Speaker.ASSISTANT, "Hello, how can I help?")),
                "is the tote available?", Fixtures.shop(UUID.randomUUID()));

        provider("openai", openai.baseUrl()).complete(prompt);

        openai.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + ChatCompletionStubs.KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages", equalToJson("""
                        [{"role":"system","content":"You are the assistant of Lagos Linen."},
                         {"role":"user","content":"hi"},
                         {"role":"assistant","content":"Hello, how can I help?"},
                         {"role":"user","content":"is the tote available?"}]
                        """))));
    }

    @Test
    void baseUrlMayNameTheVersionOrNot() throws Exception {
        openai.stubFor(chatCompletions("/openai").willReturn(completion("llama-3.3-70b-versatile", "Hi")));

        assertThat(provider("groq", openai.baseUrl() + "/openai").complete(Fixtures.prompt("hi")).text()).isEqualTo("Hi");
        assertThat(provider("groq", openai.baseUrl() + "/openai/v1/").complete(Fixtures.prompt("hi")).text())
                .isEqualTo("Hi");
    }

    @Test
    void keyIsNeverPrintedWithTheSettings() {
        ProviderEndpoint endpoint = settings(openai.baseUrl(), Duration.ofSeconds(1));

        assertThat(endpoint.toString()).doesNotContain(ChatCompletionStubs.KEY).contains("sk-t…cdef");
        assertThat(endpoint.keyId()).hasSize(8).isHexadecimal().isNotEqualTo(
                new ProviderEndpoint(ProviderKind.OPENAI, openai.baseUrl(), "sk-other-key-000000", "m", null, 0).keyId());
    }

    @Test
    void aProviderNamedWithoutAKeyRefusesToStart() {
        ProviderEndpoint noKey = new ProviderEndpoint(ProviderKind.OPENAI, openai.baseUrl(), "", "gpt-4o-mini", null, 0);
        ProviderFactory factory = new ProviderFactory(
                new ProviderGuards(new AiProviderProperties.Resilience(0, 0, 0, null, null, 0, null),
                        new SimpleMeterRegistry()), ObservationRegistry.NOOP);

        assertThatThrownBy(() -> factory.create("openai", noKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sellavie.ai.endpoints.openai.api-key");
    }

    @Test
    void aServerErrorIsNotRetriedByTheClientSoTheChainFailsOverAtOnce() {
        openai.stubFor(chatCompletions("/retry").willReturn(ChatCompletionStubs.error(500, "server_error", "boom")));

        assertThatThrownBy(() -> provider("openai", openai.baseUrl() + "/retry").complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.SERVER_ERROR));
        openai.verify(1, postRequestedFor(urlPathEqualTo("/retry/v1/chat/completions")));
    }

    static ChatProvider provider(String name, String baseUrl) {
        return new OpenAiCompatibleProvider(name, settings(baseUrl, Duration.ofSeconds(5)), ObservationRegistry.NOOP);
    }
}
