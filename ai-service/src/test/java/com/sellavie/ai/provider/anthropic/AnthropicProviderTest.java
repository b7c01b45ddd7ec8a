package com.sellavie.ai.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.anthropic.MessagesStubs.endpoint;
import static com.sellavie.ai.provider.anthropic.MessagesStubs.error;
import static com.sellavie.ai.provider.anthropic.MessagesStubs.message;
import static com.sellavie.ai.provider.anthropic.MessagesStubs.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.FailureCause;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.TokenUsage;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Anthropic's Messages API as PROVIDERS.md §5 documents it, on WireMock: request, answer and errors. */
class AnthropicProviderTest {

    @RegisterExtension
    static final WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @Test
    void sendsTheSystemPromptAsTopLevelFieldWithThePinnedVersionAndTheKey() throws Exception {
        anthropic.stubFor(messages("").willReturn(message("claude-haiku-4-5-20251001", "Hello!")));
        Prompt prompt = new Prompt("You are the assistant of Lagos Linen.",
                List.of(new Prompt.Turn(Prompt.Speaker.CUSTOMER, "hi"),
                        new Prompt.Turn(Prompt.Speaker.ASSISTANT, "Hello, how can I help?")),
                "is the tote available?", Fixtures.shop(UUID.randomUUID()));

        provider().complete(prompt);

        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(MessagesStubs.KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.system", equalTo("You are the assistant of Lagos Linen.")))
                .withRequestBody(matchingJsonPath("$.messages", equalToJson("""
                        [{"role":"user","content":"hi"},
                         {"role":"assistant","content":"Hello, how can I help?"},
                         {"role":"user","content":"is the tote available?"}]
                        """))));
    }

    @Test
    void theTextBlockIsTheReplyAndTheAnsweringModelIsKept() throws Exception {
        anthropic.stubFor(messages("").willReturn(message("claude-haiku-4-5-20251001",
                "Great choice! [[CHECKOUT sku=LINEN-SHIRT-M qty=2]]")));

        Reply reply = provider().complete(Fixtures.prompt("I want 2 linen shirts"));

        assertThat(reply.text()).isEqualTo("Great choice! [[CHECKOUT sku=LINEN-SHIRT-M qty=2]]");
        assertThat(reply.providerName()).isEqualTo("anthropic");
        assertThat(reply.model()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(reply.offline()).isFalse();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(2095, 503));
    }

    @ParameterizedTest
    @CsvSource({
            "429, rate_limit_error, Number of request tokens has exceeded your per-minute rate limit, RATE_LIMITED",
            "500, api_error, An unexpected error has occurred internal to Anthropic's systems, SERVER_ERROR",
            "529, overloaded_error, Overloaded, OVERLOADED",
            "401, authentication_error, invalid x-api-key, KEY_REJECTED",
            "403, permission_error, Your API key does not have permission to use the specified resource, KEY_REJECTED",
            "400, invalid_request_error, max_tokens: Field required, REQUEST_REJECTED",
            "404, not_found_error, model: claude-nope, REQUEST_REJECTED",
            "413, request_too_large, Request exceeds the maximum allowed number of bytes, REQUEST_REJECTED"})
    void documentedErrorsFollowTheFailoverRule(int status, String type, String message, FailureCause expected) {
        anthropic.stubFor(messages("").willReturn(error(status, type, message)));

        assertThatThrownBy(() -> provider().complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failureCause()).isEqualTo(expected);
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).doesNotContain(MessagesStubs.KEY);
                });
        // No client retry (429 and 529 would be retried by the SDK's default): the chain fails over instead.
        anthropic.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")));
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() {
        anthropic.stubFor(messages("").willReturn(message("claude-haiku-4-5", "late").withFixedDelay(3000)));
        AnthropicProvider impatient = new AnthropicProvider("anthropic",
                endpoint(anthropic.baseUrl(), Duration.ofMillis(400)), ObservationRegistry.NOOP);

        assertThatThrownBy(() -> impatient.complete(Fixtures.prompt("hi")))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failureCause()).isEqualTo(FailureCause.TIMEOUT));
    }

    private static AnthropicProvider provider() {
        return new AnthropicProvider("anthropic", endpoint(anthropic.baseUrl(), Duration.ofSeconds(5)),
                ObservationRegistry.NOOP);
    }
}
