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
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.SellavieTestInfrastructure;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL unreachable (a TCP proxy cut) while the model answers: the reply cannot be recorded,
 * the job is not given up, and once the database is back it is answered, once.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    @RegisterExtension
    static final WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private TcpProxy database;

    @Test
    void aReplyThatCouldNotBeRecordedIsAnsweredOnceTheDatabaseIsBack(CapturedOutput output) throws Exception {
        // Given the service reaching PostgreSQL through a proxy, a model taking 2 s, a 4 s lease
        openai.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini", "Back again").withFixedDelay(2000)));
        ConfigurableApplicationContext service = StandaloneService.start("ai-service-db-outage-test",
                throughProxy(), "--sellavie.ai.providers=openai",
                "--sellavie.ai.endpoints.openai.base-url=" + openai.baseUrl(),
                "--sellavie.ai.endpoints.openai.api-key=" + ChatCompletionStubs.KEY,
                "--sellavie.ai.reply-lease=4s", "--spring.datasource.hikari.connection-timeout=1000");
        try {
            ReplyRequested request = Fixtures.replyRequested(UUID.randomUUID(), UUID.randomUUID(), "hello");
            EventRecords.publish(request, request.getConversationId().toString(), 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> modelCalls() == 1);

            // When the database goes away while the model answers, and comes back a little later
            database.cut();
            await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().contains(
                    "Reply worker failed on reply job"));
            database.restore();

            // Then the job, claimable again once its lease ran out, is answered once. (Other test contexts of
            // this JVM may answer the same request as group ai-service, with their offline provider.)
            assertThat(EventRecords.awaitRecords(Topics.AI_REPLIES.name(), ReplyGenerated.class,
                    reply -> reply.getReplyRequestId().equals(request.getEventId())
                            && reply.getProviderName().equals("openai"), found -> !found.isEmpty()))
                    .singleElement().satisfies(r -> assertThat(r.value().getText()).isEqualTo("Back again"));
            assertThat(TenantContext.callAs(request.getBusinessId(), () -> service.getBean(JdbcTemplate.class)
                    .queryForMap("SELECT status, attempts FROM reply_jobs WHERE request_id = ?", request.getEventId())))
                    .containsEntry("status", "DONE").containsEntry("attempts", 2);
            assertThat(modelCalls()).isEqualTo(2);
            assertThat(output).contains("Could not look for due reply jobs");
        } finally {
            service.close();
            database.close();
        }
    }

    /** The test infrastructure, with the service's JDBC URL pointed at a proxy to the same server. */
    private ApplicationContextInitializer<ConfigurableApplicationContext> throughProxy() {
        return context -> {
            new SellavieTestInfrastructure().initialize(context);
            String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
            URI server = URI.create(url.substring("jdbc:".length()));
            database = TcpProxy.to(server.getHost(), server.getPort());
            String proxied = url.replace(server.getHost() + ":" + server.getPort(), database.address());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("database-through-proxy",
                    Map.of("spring.datasource.url", proxied)));
        };
    }

    private static int modelCalls() {
        return openai.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).size();
    }
}
