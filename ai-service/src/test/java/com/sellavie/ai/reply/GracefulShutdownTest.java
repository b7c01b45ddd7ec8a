package com.sellavie.ai.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.test.SellavieTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The whole service stopped as SIGTERM stops it (the context's close, which the JVM's shutdown hook
 * runs) while a model call is in flight that would take longer than the stop may.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTest {

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void stopsWithinTenSecondsAndLeavesTheInFlightJobForTheNextInstance(CapturedOutput output) throws Exception {
        // Given the service running, a model that needs 15 s, and a provider timeout (20 s) longer than that
        openai.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini", "too late").withFixedDelay(15_000)));
        ConfigurableApplicationContext service = StandaloneService.start("ai-service-shutdown-test",
                new SellavieTestInfrastructure(), "--sellavie.ai.providers=openai",
                "--sellavie.ai.endpoints.openai.base-url=" + openai.baseUrl(),
                "--sellavie.ai.endpoints.openai.api-key=" + ChatCompletionStubs.KEY,
                "--sellavie.ai.endpoints.openai.timeout=20s");
        Environment environment = service.getEnvironment();
        UUID business = UUID.randomUUID();
        ReplyRequested request = Fixtures.replyRequested(business, UUID.randomUUID(), "hello");
        Duration stopping;
        try {
            EventRecords.publish(request, request.getConversationId().toString(), 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> !openai.findAll(
                    postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).isEmpty());

            // When it is told to stop (as the JVM's shutdown hook does on SIGTERM)
            long started = System.nanoTime();
            service.close();
            stopping = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            service.close();
        }

        // Then it stopped within 10 s, saying it abandoned the call, and the job waits unclaimed for the next instance
        assertThat(stopping).isLessThan(Duration.ofSeconds(10));
        assertThat(output).contains("Stopping: abandoned the model call of reply job")
                .contains(request.getEventId().toString());
        try (Connection db = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            try (PreparedStatement tenant = db.prepareStatement("SELECT set_config('sellavie.business_id', ?, false)")) {
                tenant.setString(1, business.toString());
                tenant.execute();
            }
            try (PreparedStatement job = db.prepareStatement(
                    "SELECT status, lease_owner, attempts FROM reply_jobs WHERE request_id = ?")) {
                job.setObject(1, request.getEventId());
                try (ResultSet row = job.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("status")).isEqualTo("PENDING");
                    assertThat(row.getObject("lease_owner")).isNull();
                    assertThat(row.getInt("attempts")).isEqualTo(1);
                }
            }
        }
    }
}
