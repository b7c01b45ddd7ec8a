package com.sellavie.ingest.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sellavie.ingest.sandbox.messages-per-period=3", "sellavie.ingest.sandbox.period=1h"})
@IntegrationTest
class SandboxMessagesIntegrationTest {

    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMembersMessageIsPublishedAsAnInboundMessageOfTheirBusinesssSandbox() throws Exception {
        UUID business = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            HttpResponse<String> response = post(TestTokens.accessToken(business, member, "AGENT"),
                    "{\"text\":\"Do you have the linen shirt in blue?\"}");

            assertThat(response.statusCode()).isEqualTo(202);
            ConsumerRecord<String, Object> record = inbound.await(r -> r.value() instanceof InboundMessageReceived e
                    && e.getBusinessId().equals(business));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(event.getChannelType()).isEqualTo("SANDBOX");
            assertThat(event.getChannelExternalId()).isEqualTo("sandbox-" + business);
            assertThat(event.getSenderExternalId()).isEqualTo("member-" + member);
            assertThat(event.getSenderName()).isEqualTo("You (sandbox)");
            assertThat(event.getText()).isEqualTo("Do you have the linen shirt in blue?");
            assertThat(event.getExternalMessageId()).startsWith("sandbox-");
            assertThat(response.body()).contains(event.getExternalMessageId(), event.getEventId().toString());
            assertThat(record.key()).isEqualTo("sandbox-" + business + ":member-" + member);
            assertThat(TopicProbe.header(record, "businessId")).contains(business.toString());
            assertThat(inbound.values(InboundMessageReceived.class))
                    .filteredOn(e -> e.getBusinessId().equals(business)).hasSize(1);
        }
    }

    @Test
    void withoutATokenNothingIsPublished() throws Exception {
        UUID business = UUID.randomUUID();
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(inbound.values(InboundMessageReceived.class)).noneMatch(e -> e.getChannelType().equals("SANDBOX")
                    && e.getText().equals("hello"));
        }
    }

    @Test
    void aMissingBlankOrTooLongTextIsABadRequestAndPublishesNothing() throws Exception {
        UUID business = UUID.randomUUID();
        String token = TestTokens.ownerOf(business);
        try (TopicProbe inbound = TopicProbe.from(INBOUND)) {
            for (String body : List.of("{}", "{\"text\":\"   \"}", "{\"text\":\"" + "a".repeat(1001) + "\"}")) {
                HttpResponse<String> response = post(token, body);

                assertThat(response.statusCode()).as(body).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).contains("\"text\"");
            }
            assertThat(post(token, "{\"text\":\"" + "a".repeat(1000) + "\"}").statusCode()).isEqualTo(202);
            inbound.await(r -> r.value() instanceof InboundMessageReceived e
                    && e.getBusinessId().equals(business));
            assertThat(inbound.values(InboundMessageReceived.class))
                    .filteredOn(e -> e.getBusinessId().equals(business))
                    .singleElement().satisfies(e -> assertThat(e.getText()).hasSize(1000));
        }
    }

    @Test
    void aBusinessOverItsLimitGets429WhileAnotherBusinessIsUnaffected() throws Exception {
        UUID busy = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(post(TestTokens.ownerOf(busy), "{\"text\":\"try " + i + "\"}").statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = post(TestTokens.ownerOf(busy), "{\"text\":\"one too many\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(post(TestTokens.ownerOf(other), "{\"text\":\"hello\"}").statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri())
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/api/sandbox/messages");
    }
}
