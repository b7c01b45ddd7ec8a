package com.sellavie.ai.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.anthropic.MessagesStubs;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A business's settings at work, against OpenAI- and Anthropic-shaped WireMock stubs (PROVIDERS.md
 * §5): the deployment answers with {@code offline} and has a platform key for OpenAI only. Replies
 * follow the business's order, models, keys, temperature, length, tone, language and channel
 * switches; "test this key" makes one call and answers ok or the failure's cause. Each test uses its
 * own business and keys, so a refused key's breaker never touches another test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AiSettingsProvidersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPLIES = Topics.AI_REPLIES.name();

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("sellavie.ai.providers", () -> "offline");
        registry.add("sellavie.ai.endpoints.openai.base-url", openai::baseUrl);
        registry.add("sellavie.ai.endpoints.openai.api-key", () -> ChatCompletionStubs.KEY);
        registry.add("sellavie.ai.endpoints.anthropic.base-url", anthropic::baseUrl);
        registry.add("sellavie.ai.endpoints.anthropic.api-key", () -> "");
        registry.add("sellavie.ai.endpoints.anthropic.timeout", () -> "5s");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void repliesFollowTheBusinesssOrderModelKeyAndStyle() throws Exception {
        // Given a business answering with Anthropic on its own key first, then OpenAI on the platform's
        UUID business = UUID.randomUUID();
        String key = businessKey();
        String marker = marker();
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(key))
                .withRequestBody(containing(marker))
                .willReturn(MessagesStubs.message("claude-sonnet-4-5-20250929", "Bonjour, oui, nous livrons.")));
        save(business, """
                {"providers": [{"name": "anthropic", "model": "claude-sonnet-4-5", "apiKey": "%s"}, {"name": "openai"}],
                 "temperature": 0.3, "maxReplyTokens": 120, "tone": "Speak like a cheerful pirate.",
                 "languagePolicy": "FIXED", "fixedLanguage": "fr"}
                """.formatted(key));

        // When one of its customers writes
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "Do you deliver? " + marker);
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        // Then Anthropic answered with the business's key, model, temperature, length, tone and language
        ReplyGenerated reply = replyTo(request);
        assertThat(reply.getText()).isEqualTo("Bonjour, oui, nous livrons.");
        assertThat(reply.getProviderName()).isEqualTo("anthropic");
        assertThat(reply.getModel()).isEqualTo("claude-sonnet-4-5-20250929");
        anthropic.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(key))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("120")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.3")))
                .withRequestBody(containing("Speak like a cheerful pirate."))
                .withRequestBody(containing("always in French (fr), whatever language the customer writes in")));
        assertThat(openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker)))).isEmpty();
    }

    @Test
    void whenTheBusinesssOwnKeyIsRefusedTheNextProviderOfItsOrderAnswersWithThePlatformsKey() throws Exception {
        // Given a business whose own Anthropic key is refused, then OpenAI with its chosen model
        UUID business = UUID.randomUUID();
        String key = businessKey();
        String marker = marker();
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(key))
                .willReturn(MessagesStubs.error(401, "authentication_error", "invalid x-api-key")));
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .willReturn(ChatCompletionStubs.completion("gpt-4.1-mini", "We deliver in 2 days.")));
        save(business, """
                {"providers": [{"name": "anthropic", "apiKey": "%s"}, {"name": "openai", "model": "gpt-4.1-mini"}]}
                """.formatted(key));

        // When one of its customers writes
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "Delivery? " + marker);
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        // Then OpenAI answered, called with the platform's key and the business's model
        ReplyGenerated reply = replyTo(request);
        assertThat(reply.getProviderName()).isEqualTo("openai");
        assertThat(reply.getText()).isEqualTo("We deliver in 2 days.");
        List<LoggedRequest> calls = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker)));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + ChatCompletionStubs.KEY);
            assertThat(JSON.readTree(call.getBodyAsString()).get("model").asString()).isEqualTo("gpt-4.1-mini");
        });
        anthropic.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(key)));
    }

    @Test
    void whenNoProviderOfABusinessRepliesOnlyInFrenchCanAnswerTheApologyIsFrench() throws Exception {
        // Given a business replying only in French, whose one provider refuses its key
        UUID business = UUID.randomUUID();
        String key = businessKey();
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(key))
                .willReturn(MessagesStubs.error(401, "authentication_error", "invalid x-api-key")));
        save(business, """
                {"providers": [{"name": "anthropic", "apiKey": "%s"}], "languagePolicy": "FIXED", "fixedLanguage": "fr"}
                """.formatted(key));

        // When a customer writes in English
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "Do you ship abroad? " + marker());
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        // Then the conversation goes to a person with the French apology
        ReplyGenerated reply = replyTo(request);
        assertThat(reply.getText()).startsWith("Désolé").contains("transmis votre message à l'équipe");
        assertThat(reply.getActions()).singleElement().isInstanceOf(HandoffAction.class);
    }

    @Test
    void aBusinessWithoutSettingsIsAnsweredByTheDeploymentsDefault() {
        // Given a business that saved no settings (the deployment answers with offline)
        UUID business = UUID.randomUUID();
        String marker = marker();

        // When one of its customers writes
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "hello " + marker);
        EventRecords.publish(request, request.getConversationId().toString(), 1);

        // Then the offline responder answered and no hosted model was called
        ReplyGenerated reply = replyTo(request);
        assertThat(reply.getProviderName()).isEqualTo("offline");
        assertThat(reply.getOffline()).isTrue();
        assertThat(openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker)))).isEmpty();
        assertThat(anthropic.findAll(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withRequestBody(containing(marker)))).isEmpty();
    }

    @Test
    void aChannelSwitchedOffHandsItsConversationsToThePeopleWithoutCallingAModel() throws Exception {
        // Given a business answering with OpenAI, switched off on WhatsApp
        UUID business = UUID.randomUUID();
        String marker = marker();
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .willReturn(ChatCompletionStubs.completion("gpt-4o-mini", "Hello from Instagram")));
        save(business, """
                {"providers": [{"name": "openai"}], "channels": {"WHATSAPP": false, "INSTAGRAM": true}}
                """);

        // When a customer writes on WhatsApp, another on Instagram
        ReplyRequested whatsapp = ReplyRequested.newBuilder(
                Fixtures.replyRequested(business, UUID.randomUUID(), "WhatsApp " + marker)).setChannelType("WHATSAPP")
                .build();
        ReplyRequested instagram = Fixtures.replyRequested(business, UUID.randomUUID(), "Instagram " + marker);
        EventRecords.publish(whatsapp, whatsapp.getConversationId().toString(), 1);
        EventRecords.publish(instagram, instagram.getConversationId().toString(), 1);

        // Then the WhatsApp conversation goes to a person without text, the Instagram one is answered
        ReplyGenerated handedOff = replyTo(whatsapp);
        assertThat(handedOff.getText()).isEmpty();
        assertThat(handedOff.getActions()).singleElement().isInstanceOfSatisfying(HandoffAction.class,
                handoff -> assertThat(handoff.getReason()).contains("switched off for WHATSAPP"));
        assertThat(replyTo(instagram).getText()).isEqualTo("Hello from Instagram");
        assertThat(openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("WhatsApp " + marker)))).isEmpty();
    }

    @Test
    void testingAKeyMakesOneCallAndSaysOkWithoutEchoingIt() throws Exception {
        // Given an OpenAI that knows the business's new key
        UUID business = UUID.randomUUID();
        String key = businessKey();
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withHeader("Authorization", equalTo("Bearer " + key))
                .willReturn(ChatCompletionStubs.completion("gpt-4.1-2025-04-14", "OK")));

        // When its owner tests the key with a model
        HttpResponse<String> answer = testKey(business, """
                {"name": "openai", "model": "gpt-4.1", "apiKey": "%s"}""".formatted(key));

        // Then one tiny call was made and the answer is ok, naming the model, never the key
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("model").asString()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(result.get("cause").isNull()).isTrue();
        assertThat(answer.body()).doesNotContain(key);
        List<LoggedRequest> calls = openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + key)));
        assertThat(calls).singleElement().satisfies(call -> {
            JsonNode body = JSON.readTree(call.getBodyAsString());
            assertThat(body.get("model").asString()).isEqualTo("gpt-4.1");
            JsonNode limit = body.has("max_tokens") ? body.get("max_tokens") : body.get("max_completion_tokens");
            assertThat(limit).as("the reply length limit").isNotNull();
            assertThat(limit.asInt()).isLessThanOrEqualTo(16);
        });
    }

    @Test
    void aRefusedOrRateLimitedKeyIsReportedWithItsCause() throws Exception {
        // Given Anthropic refusing one key and rate limiting another
        UUID business = UUID.randomUUID();
        String refused = businessKey();
        String limited = businessKey();
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(refused))
                .willReturn(MessagesStubs.error(401, "authentication_error", "invalid x-api-key " + refused)));
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(limited))
                .willReturn(MessagesStubs.error(429, "rate_limit_error", "Number of request tokens has exceeded")));

        // When the owner tests both
        HttpResponse<String> first = testKey(business, "{\"name\": \"anthropic\", \"apiKey\": \"%s\"}".formatted(refused));
        HttpResponse<String> second = testKey(business, "{\"name\": \"anthropic\", \"apiKey\": \"%s\"}".formatted(limited));

        // Then each says why, with the provider's status, never quoting the key nor the provider's text
        JsonNode rejected = JSON.readTree(first.body());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rejected.get("ok").asBoolean()).isFalse();
        assertThat(rejected.get("cause").asString()).isEqualTo("key_rejected");
        assertThat(rejected.get("status").asInt()).isEqualTo(401);
        assertThat(rejected.get("message").asString()).contains("refused this key");
        assertThat(first.body()).doesNotContain(refused).doesNotContain("invalid x-api-key");
        JsonNode rateLimited = JSON.readTree(second.body());
        assertThat(rateLimited.get("cause").asString()).isEqualTo("rate_limited");
        assertThat(rateLimited.get("status").asInt()).isEqualTo(429);
        assertThat(second.body()).doesNotContain(limited);
        anthropic.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(refused)));
    }

    @Test
    void theStoredKeyIsTestedWhenTheMaskedOneIsSentAndAMissingKeyIsRefused() throws Exception {
        // Given a business that stored its own Anthropic key
        UUID business = UUID.randomUUID();
        String key = businessKey();
        anthropic.stubFor(MessagesStubs.messages("").withHeader("x-api-key", equalTo(key))
                .willReturn(MessagesStubs.message("claude-haiku-4-5", "OK")));
        JsonNode saved = save(business, "{\"providers\": [{\"name\": \"anthropic\", \"apiKey\": \"%s\"}]}".formatted(key));
        String masked = saved.get("providers").get(0).get("apiKey").asString();

        // When the owner tests it with the masked value the console shows
        HttpResponse<String> stored = testKey(business, "{\"name\": \"anthropic\", \"apiKey\": \"%s\"}".formatted(masked));

        // Then the stored key was the one called
        assertThat(JSON.readTree(stored.body()).get("ok").asBoolean()).isTrue();
        anthropic.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(key)));

        // And another business, with no key stored and none on the platform, gets 400 naming the field
        HttpResponse<String> none = testKey(UUID.randomUUID(), "{\"name\": \"anthropic\"}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("errors").has("apiKey")).isTrue();
    }

    private JsonNode save(UUID business, String settings) throws Exception {
        // (the service's first token fetches identity's keys, which a loaded machine may time out: retried)
        HttpResponse<String> saved = await().atMost(Duration.ofSeconds(90)).until(() -> http.send(
                request(business, "", settings).PUT(HttpRequest.BodyPublishers.ofString(settings)).build(),
                HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() != 500);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return JSON.readTree(saved.body());
    }

    private HttpResponse<String> testKey(UUID business, String body) throws Exception {
        return http.send(request(business, "/test-key", body).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(UUID business, String sub, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ai/settings" + sub))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business))
                .header("Content-Type", "application/json");
    }

    private static ReplyGenerated replyTo(ReplyRequested request) {
        return EventRecords.awaitRecords(REPLIES, ReplyGenerated.class,
                r -> r.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty())
                .getFirst().value();
    }

    private static String businessKey() {
        return "sk-business-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }
}
