package com.sellavie.ai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ReplyRequested -> reply job -> model call outside any transaction -> ReplyGenerated, through the
 * real broker, registry and database, with an OpenAI-shaped provider on WireMock. Each test tells
 * its requests apart by a marker word in the customer's text, which reaches the stub in the prompt.
 */
@SpringBootTest
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReplyJobsIntegrationTest {

    private static final String REPLIES = Topics.AI_REPLIES.name();

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(20)).build();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("sellavie.ai.providers", () -> "openai");
        registry.add("sellavie.ai.openai-compatible.openai.base-url", openai::baseUrl);
        registry.add("sellavie.ai.openai-compatible.openai.api-key", () -> ChatCompletionStubs.KEY);
        registry.add("sellavie.ai.openai-compatible.openai.timeout", () -> "6s");
        registry.add("sellavie.ai.retry-initial-interval", () -> "300ms");
        registry.add("sellavie.ai.retry-horizon", () -> "4s");
        registry.add("sellavie.ai.reply-shutdown-grace", () -> "1s");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReplyJobScheduler scheduler;

    @Test
    void aRequestDeliveredTwiceCallsTheModelOnceAndIsAnsweredOnce() {
        // Given a model that answers
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Hello from the model")));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "hello " + marker);
        String laterMarker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(laterMarker))
                .willReturn(completion("gpt-4o-mini", "Later answer")));
        ReplyRequested later = Fixtures.replyRequested(business, conversation, "and " + laterMarker);

        // When the same request reaches the broker twice, then a later one of the same conversation
        EventRecords.publish(request, conversation.toString(), 2);
        EventRecords.publish(later, conversation.toString(), 1);

        // Then once the later one is answered, the first had one model call and one reply
        List<ConsumerRecord<String, ReplyGenerated>> replies = repliesOf(conversation, later);
        assertThat(replies).filteredOn(r -> r.value().getReplyRequestId().equals(request.getEventId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.value().getText()).isEqualTo("Hello from the model");
                    assertThat(r.value().getProviderName()).isEqualTo("openai");
                    assertThat(r.key()).isEqualTo(conversation.toString());
                });
        assertThat(modelCalls(marker)).isEqualTo(1);
        assertThat(jobStatus(business, request)).isEqualTo("DONE");
    }

    @Test
    void noDatabaseTransactionIsOpenWhileTheModelAnswers() {
        // Given a model that takes 4 s to answer
        String marker = marker();
        openai.stubFor(chatCompletions("").withRequestBody(containing(marker))
                .willReturn(completion("gpt-4o-mini", "Worth the wait").withFixedDelay(4000)));
        UUID business = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, conversation, "slow " + marker);

        // When the request is being answered
        EventRecords.publish(request, conversation.toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> modelCalls(marker) == 1);
        Instant callStarted = Instant.now();

        // Then for as long as the model works, no session of the service has a transaction open that
        // began before the call (nor sits idle in one)
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofMillis(3500))
                .until(() -> transactionsOpenSince(callStarted) == 0);
        assertThat(repliesOf(conversation, request)).singleElement()
                .satisfies(r -> assertThat(r.value().getText()).isEqualTo("Worth the wait"));
    }

    private int transactionsOpenSince(Instant instant) {
        List<Map<String, Object>> open = jdbc.queryForList("SELECT pid, state, xact_start, query FROM pg_stat_activity "
                + "WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                + "AND (state = 'idle in transaction' OR xact_start < ?)", Timestamp.from(instant.minusMillis(200)));
        open.forEach(session -> System.out.println("Open transaction while the model answers: " + session));
        return open.size();
    }

    // helpers

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int modelCalls(String marker) {
        return openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(marker))).size();
    }

    /** Every reply of the conversation, once the one for {@code last} is there. */
    private static List<ConsumerRecord<String, ReplyGenerated>> repliesOf(UUID conversation, ReplyRequested last) {
        return EventRecords.awaitRecords(REPLIES, ReplyGenerated.class, r -> r.getConversationId().equals(conversation),
                found -> found.stream().anyMatch(r -> r.value().getReplyRequestId().equals(last.getEventId())));
    }

    private String jobStatus(UUID business, ReplyRequested request) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT status FROM reply_jobs WHERE request_id = ?", String.class, request.getEventId()));
    }

    private double replies(String outcome) {
        return meters.counter(ReplyJobOutcomes.METRIC, "outcome", outcome).count();
    }
}
