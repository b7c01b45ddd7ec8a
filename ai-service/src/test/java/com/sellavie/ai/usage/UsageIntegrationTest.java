package com.sellavie.ai.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.ai.messaging.outbound.ReplyMessages;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.ai.provider.anthropic.MessagesStubs;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.AiUsageRecorded;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage, cost and budget at work against OpenAI- and Anthropic-shaped WireMock stubs whose answers carry
 * the documented {@code usage} fields (PROVIDERS.md §5): each reply's tokens and cost recorded once, published
 * on {@code ai.usage} and shown by {@code GET /api/ai/usage}; a reached budget switches to the cheaper model
 * or hands the conversation to a person without a model call. Each test uses its own business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class UsageIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        registry.add("sellavie.ai.endpoints.anthropic.api-key", () -> "sk-ant-platform-key-for-tests");
        registry.add("sellavie.ai.prices-version", () -> "test-table-7");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Tenancy tenancy;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    KnowledgeRepository knowledge;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    PriceTable prices;
    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void eachReplysTokensAndCostAreRecordedPublishedAndReportedPerDay() throws Exception {
        // Given a business answering with OpenAI (120 prompt + 30 completion tokens per answer)
        UUID business = UUID.randomUUID();
        String marker = marker();
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .willReturn(ChatCompletionStubs.completion("gpt-4o-mini-2024-07-18", "We ship everywhere.")));
        save(business, "{\"providers\": [{\"name\": \"openai\"}]}");

        // When two of its customers write
        ReplyRequested first = request(business, "Do you ship? " + marker);
        ReplyRequested second = request(business, "Shipping to Ghana? " + marker);

        // Then each reply's usage is published: provider, answering model, tokens, cost (120 x 0.15 + 30 x 0.60)
        for (ReplyRequested request : List.of(first, second)) {
            ReplyGenerated reply = replyTo(request);
            AiUsageRecorded usage = usageOf(request).value();
            assertThat(usage.getReplyId()).isEqualTo(reply.getEventId());
            assertThat(usage.getBusinessId()).isEqualTo(business);
            assertThat(usage.getProviderName()).isEqualTo("openai");
            assertThat(usage.getModel()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(usage.getInputTokens()).isEqualTo(120);
            assertThat(usage.getOutputTokens()).isEqualTo(30);
            assertThat(usage.getCostMicroUsd()).isEqualTo(36L);
            assertThat(usage.getPriceTableVersion()).isEqualTo("test-table-7");
            assertThat(usage.getBudgetFallback()).isFalse();
            assertThat(usage.getCausationId()).isEqualTo(request.getEventId().toString());
            assertThat(usage.getCorrelationId()).isEqualTo(request.getCorrelationId());
        }

        // And the API shows them on today's line (UTC: the business set no time zone) and per model
        JsonNode report = usage(business, "");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode day = day(report, today);
        assertThat(day.get("replies").asLong()).isEqualTo(2);
        assertThat(day.get("inputTokens").asLong()).isEqualTo(240);
        assertThat(day.get("outputTokens").asLong()).isEqualTo(60);
        assertThat(day.get("costMicroUsd").asLong()).isEqualTo(72);
        assertThat(report.get("days")).hasSize(LocalDate.now(ZoneOffset.UTC).lengthOfMonth());
        assertThat(report.get("byModel")).singleElement().satisfies(model -> {
            assertThat(model.get("provider").asString()).isEqualTo("openai");
            assertThat(model.get("model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(model.get("replies").asLong()).isEqualTo(2);
        });
        assertThat(report.get("totals").get("costMicroUsd").asLong()).isEqualTo(72);
        assertThat(report.get("monthToDateCostMicroUsd").asLong()).isEqualTo(72);
        assertThat(report.get("budget").isNull()).isTrue();
    }

    @Test
    void anthropicsReportedTokensArePricedAndARedeliveredRequestIsCountedOnce() throws Exception {
        // Given a business answering with Anthropic (documented example: 2095 input, 503 output tokens)
        UUID business = UUID.randomUUID();
        String marker = marker();
        anthropic.stubFor(MessagesStubs.messages("").withRequestBody(containing(marker))
                .willReturn(MessagesStubs.message("claude-haiku-4-5-20251001", "Yes, we do.")));
        save(business, "{\"providers\": [{\"name\": \"anthropic\"}]}");

        // When its customer's request is delivered twice
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "Open on Sunday? " + marker);
        EventRecords.publish(request, request.getConversationId().toString(), 2);

        // Then one usage record, priced 2095 x 1 + 503 x 5 micro-dollars, and the API counts one reply
        replyTo(request);
        AiUsageRecorded usage = usageOf(request).value();
        assertThat(usage.getInputTokens()).isEqualTo(2095);
        assertThat(usage.getOutputTokens()).isEqualTo(503);
        assertThat(usage.getCostMicroUsd()).isEqualTo(4610L);
        JsonNode totals = usage(business, "").get("totals");
        assertThat(totals.get("replies").asLong()).isEqualTo(1);
        assertThat(totals.get("inputTokens").asLong()).isEqualTo(2095);
        assertThat(EventRecords.awaitRecords(Topics.AI_USAGE.name(), AiUsageRecorded.class,
                u -> u.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty())).hasSize(1);
    }

    @Test
    void onceTheMonthlyBudgetIsReachedTheCheaperModelAnswers() throws Exception {
        // Given a business on gpt-4o with a 0.01 USD budget, its cheaper model gpt-4.1-nano
        UUID business = UUID.randomUUID();
        String marker = marker();
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o")))
                .willReturn(completion("gpt-4o", "A costly answer.", 3000, 500)));
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-nano")))
                .willReturn(completion("gpt-4.1-nano", "A thrifty answer.", 100, 20)));
        save(business, """
                {"providers": [{"name": "openai", "model": "gpt-4o"}],
                 "monthlyBudgetUsd": 0.01, "onBudget": "CHEAPER_MODEL", "budgetModel": "gpt-4.1-nano"}
                """);

        // When a first reply costs 3000 x 2.50 + 500 x 10 = 12,500 micro-dollars (over the 10,000 budget)
        ReplyRequested first = request(business, "Where is my parcel? Please tell me the tracking number " + marker);
        assertThat(replyTo(first).getText()).isEqualTo("A costly answer.");
        usageOf(first);

        // Then the next reply is written by the cheaper model, and its usage says so
        ReplyRequested second = request(business, "What are your opening hours this weekend? " + marker);
        ReplyGenerated reply = replyTo(second);
        assertThat(reply.getText()).isEqualTo("A thrifty answer.");
        assertThat(reply.getModel()).isEqualTo("gpt-4.1-nano");
        openai.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("What are your opening hours this weekend? " + marker))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-nano"))));
        AiUsageRecorded usage = usageOf(second).value();
        assertThat(usage.getBudgetFallback()).isTrue();
        assertThat(usage.getCostMicroUsd()).isEqualTo(18L); // 100 x 0.10 + 20 x 0.40
        JsonNode budget = usage(business, "").get("budget");
        assertThat(budget.get("monthlyMicroUsd").asLong()).isEqualTo(10_000);
        assertThat(budget.get("reached").asBoolean()).isTrue();
        assertThat(budget.get("onBudget").asString()).isEqualTo("CHEAPER_MODEL");
    }

    @Test
    void onceTheMonthlyBudgetIsReachedAHandoffPolicyCallsNoModelAndHandsOver() throws Exception {
        // Given a business with a 0.01 USD budget handing replies over once it is reached
        UUID business = UUID.randomUUID();
        String marker = marker();
        openai.stubFor(ChatCompletionStubs.chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o", "A costly answer.", 3000, 500)));
        save(business, """
                {"providers": [{"name": "openai", "model": "gpt-4o"}], "monthlyBudgetUsd": 0.01, "onBudget": "HANDOFF"}
                """);
        ReplyRequested first = request(business, "Where is my parcel? Please tell me the tracking number " + marker);
        replyTo(first);
        usageOf(first);

        // When the next customer writes
        ReplyRequested second = request(business, "What are your opening hours this weekend? " + marker);

        // Then no model is called; the conversation goes to a person with the apology that promises only that
        ReplyGenerated reply = replyTo(second);
        assertThat(reply.getActions()).singleElement().isInstanceOfSatisfying(HandoffAction.class,
                handoff -> assertThat(handoff.getReason()).contains("monthly AI budget"));
        assertThat(reply.getText())
                .isEqualTo("Sorry, I can't answer right now. I've passed your message on to the team.");
        assertThat(openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("What are your opening hours this weekend? " + marker)))).isEmpty();
        assertThat(usage(business, "").get("totals").get("replies").asLong()).isEqualTo(1);
    }

    @Test
    void invalidBudgetSettingsAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        // Given a business with a saved budget
        UUID business = UUID.randomUUID();
        save(business, "{\"providers\": [{\"name\": \"openai\"}], \"monthlyBudgetUsd\": 25, "
                + "\"onBudget\": \"HANDOFF\"}");

        // When it sends a negative budget with an unknown policy, then a cheaper model without its name
        HttpResponse<String> bad = put(business, """
                {"providers": [{"name": "openai"}], "monthlyBudgetUsd": -3, "onBudget": "SOMETIMES"}
                """);
        HttpResponse<String> noModel = put(business, """
                {"providers": [{"name": "offline"}], "monthlyBudgetUsd": 5.005, "onBudget": "CHEAPER_MODEL"}
                """);
        HttpResponse<String> offlineFirst = put(business, """
                {"providers": [{"name": "offline"}, {"name": "openai"}], "monthlyBudgetUsd": 5,
                 "onBudget": "CHEAPER_MODEL", "budgetModel": "gpt-4.1-nano"}
                """);

        // Then each is a 400 naming the fields, and the stored budget is unchanged
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").propertyNames())
                .contains("monthlyBudgetUsd", "onBudget");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noModel.body()).get("errors").propertyNames())
                .contains("monthlyBudgetUsd", "budgetModel");
        assertThat(offlineFirst.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(offlineFirst.body()).get("errors").get("budgetModel").asString()).contains("offline");
        JsonNode stored = get(business, "/api/ai/settings");
        assertThat(stored.get("monthlyBudgetUsd").decimalValue()).isEqualByComparingTo("25");
        assertThat(stored.get("onBudget").asString()).isEqualTo("HANDOFF");
    }

    @Test
    void badUsageQueriesAreProblemsWithACodeAndAgentsMayNotRead() throws Exception {
        UUID business = UUID.randomUUID();
        HttpResponse<String> badDate = send(business, "/api/ai/usage?from=yesterday", TestTokens.ownerOf(business));
        HttpResponse<String> reversed = send(business, "/api/ai/usage?from=2026-12-10&to=2026-12-01",
                TestTokens.ownerOf(business));
        HttpResponse<String> tooLong = send(business, "/api/ai/usage?from=2024-01-01&to=2026-01-01",
                TestTokens.ownerOf(business));
        HttpResponse<String> agent = send(business, "/api/ai/usage",
                TestTokens.accessToken(business, UUID.randomUUID(), "AGENT"));

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(badDate.body()).get("code").asString()).isEqualTo("invalid-date");
        assertThat(JSON.readTree(reversed.body()).get("code").asString()).isEqualTo("invalid-range");
        assertThat(JSON.readTree(tooLong.body()).get("code").asString()).isEqualTo("range-too-long");
        assertThat(agent.statusCode()).isEqualTo(403);
        JsonNode range = usage(business, "?from=2026-02-27&to=2026-03-02");
        assertThat(range.get("days")).extracting(d -> d.get("day").asString())
                .containsExactly("2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02");
    }

    @Test
    void daysAreTheBusinesssOwnAndTheSameReplyIsNeverCountedTwice() throws Exception {
        // Given two businesses, in Lagos (UTC+1) and Honolulu (UTC-10), at 23:30 UTC on 30 November
        UUID lagos = UUID.randomUUID();
        UUID honolulu = UUID.randomUUID();
        tenancy.runAs(lagos, () -> transaction.executeWithoutResult(s -> knowledge.saveBusiness(lagos, "Lagos shop",
                new BusinessKnowledge.Settings("en", "Africa/Lagos"))));
        tenancy.runAs(honolulu, () -> transaction.executeWithoutResult(s -> knowledge.saveBusiness(honolulu,
                "Honolulu shop", new BusinessKnowledge.Settings("en", "Pacific/Honolulu"))));
        UsageLedger ledger = new UsageLedger(jdbc, outbox, prices, meters,
                Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC));

        // When a reply of each is recorded, Lagos's twice (a job worked again)
        ReplyRequested inLagos = Fixtures.replyRequested(lagos, UUID.randomUUID(), "hi");
        ReplyRequested inHonolulu = Fixtures.replyRequested(honolulu, UUID.randomUUID(), "hi");
        record(ledger, inLagos);
        record(ledger, inLagos);
        record(ledger, inHonolulu);

        // Then Lagos's reply counts once, on 1 December; Honolulu's on 30 November
        assertThat(usage(lagos, "?from=2026-11-30&to=2026-12-01").get("days"))
                .extracting(d -> d.get("replies").asLong()).containsExactly(0L, 1L);
        assertThat(usage(honolulu, "?from=2026-11-30&to=2026-12-01").get("days"))
                .extracting(d -> d.get("replies").asLong()).containsExactly(1L, 0L);
        assertThat(usageOf(inLagos).value().getUsageDay()).isEqualTo("2026-12-01");
        assertThat(usageOf(inHonolulu).value().getUsageDay()).isEqualTo("2026-11-30");
        assertThat(EventRecords.awaitRecords(Topics.AI_USAGE.name(), AiUsageRecorded.class,
                u -> u.getReplyRequestId().equals(inLagos.getEventId()), found -> !found.isEmpty())).hasSize(1);
        // And a business cannot see another's usage
        assertThat(usage(UUID.randomUUID(), "?from=2026-11-30&to=2026-12-01").get("totals").get("replies").asLong())
                .isZero();
    }

    private void record(UsageLedger ledger, ReplyRequested request) {
        ReplyGenerated reply = ReplyMessages.replyGenerated(request,
                new Reply("Hello", "openai", "gpt-4o-mini", false, new TokenUsage(1000, 100)),
                new ParsedReply("Hello", List.of(), List.of()), Instant.now());
        // The zone as the reply path has it: from its read of the business's knowledge
        tenancy.runAs(request.getBusinessId(), () -> transaction.executeWithoutResult(s -> ledger.record(request,
                reply, new TokenUsage(1000, 100), false, UsageLedger.zoneOf(request.getBusinessId(),
                        knowledge.load(request.getBusinessId()).settings().timeZone()))));
    }

    private ReplyRequested request(UUID business, String text) {
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), text);
        EventRecords.publish(request, request.getConversationId().toString(), 1);
        return request;
    }

    /** A documented chat.completion answer with the given usage. */
    private static ResponseDefinitionBuilder completion(String model, String content, int prompt, int completion) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id": "chatcmpl-usage", "object": "chat.completion", "created": 1741570283, "model": "%s",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d}}
                """.formatted(model, content, prompt, completion, prompt + completion));
    }

    private void save(UUID business, String settings) throws Exception {
        // (the service's first token fetches identity's keys, which a loaded machine may time out: retried)
        HttpResponse<String> saved = await().atMost(Duration.ofSeconds(90)).until(() -> put(business, settings),
                answer -> answer.statusCode() != 500);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private HttpResponse<String> put(UUID business, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ai/settings"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode usage(UUID business, String query) throws Exception {
        return get(business, "/api/ai/usage" + query);
    }

    private JsonNode get(UUID business, String path) throws Exception {
        HttpResponse<String> answer = send(business, path, TestTokens.ownerOf(business));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(UUID business, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode day(JsonNode report, String day) {
        for (JsonNode d : report.get("days")) {
            if (d.get("day").asString().equals(day)) {
                return d;
            }
        }
        throw new AssertionError("no line for " + day + " in " + report);
    }

    private static ReplyGenerated replyTo(ReplyRequested request) {
        return EventRecords.awaitRecords(Topics.AI_REPLIES.name(), ReplyGenerated.class,
                r -> r.getReplyRequestId().equals(request.getEventId()), found -> !found.isEmpty())
                .getFirst().value();
    }

    private static ConsumerRecord<String, AiUsageRecorded> usageOf(ReplyRequested request) {
        ConsumerRecord<String, AiUsageRecorded> record = EventRecords.awaitRecords(Topics.AI_USAGE.name(),
                AiUsageRecorded.class, u -> u.getReplyRequestId().equals(request.getEventId()),
                found -> !found.isEmpty()).getFirst();
        assertThat(record.key()).isEqualTo(request.getBusinessId().toString());
        return record;
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }
}
