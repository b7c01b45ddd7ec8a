package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.DatabaseTraces;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** identity.privacy-requests in ai-service: a contact's reply jobs (their words) are exported and erased. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sellavie.internal.token=" + ReplyJobPrivacyTest.SERVICE_TOKEN)
@IntegrationTest
class ReplyJobPrivacyTest {

    static final String SERVICE_TOKEN = "ai-privacy-test-service-token-0123456789";

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String database;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void erasureDeletesTheContactsWaitingRepliesOnceAndLeavesOtherBusinessesAlone() {
        // Given a contact's reply waiting (backing off) with their message, and another business's
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        String words = "deliver to 5 Allen Avenue " + UUID.randomUUID();
        waitingJob(Fixtures.replyRequested(business, UUID.randomUUID(), contact, words,
                Fixtures.history("INBOUND", "my phone is 0803 " + words)));
        UUID otherBusiness = UUID.randomUUID();
        String otherWords = "other shop " + UUID.randomUUID();
        waitingJob(Fixtures.replyRequested(otherBusiness, UUID.randomUUID(), UUID.randomUUID(), otherWords));

        // When identity asks to erase the contact, the record is delivered again, then another request follows
        DataErasureRequested request = erasure(business, contact);
        EventRecords.publish(request, business.toString(), 2);
        DataErasureRequested later = erasure(business, UUID.randomUUID());
        EventRecords.publish(later, business.toString(), 1);

        // Then, once the later one is answered, the first has exactly one answer: DONE with the job
        answers(later.getRequestId());
        List<PrivacyTaskCompleted> answers = answers(request.getRequestId());
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().getOutcome()).isEqualTo("DONE");
        assertThat(answers.getFirst().getService()).isEqualTo("ai-service");
        assertThat(answers.getFirst().getItemCount()).isEqualTo(1);
        // and no trace of the contact or their words is left, while the other business keeps its job
        assertThat(DatabaseTraces.findOutsideOutbox(database, contact.toString())).isEmpty();
        assertThat(DatabaseTraces.findOutsideOutbox(database, words)).isEmpty();
        assertThat(DatabaseTraces.find(database, otherWords)).containsOnlyKeys("reply_jobs");
        assertThat(jobsOf(otherBusiness)).isEqualTo(1);
        assertThat(jobsOf(business)).isZero();
    }

    @Test
    void exportHoldsTheWaitingMessageAndItsHistory() throws Exception {
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        String words = "size 42 please " + UUID.randomUUID();
        waitingJob(Fixtures.replyRequested(business, UUID.randomUUID(), contact, words,
                Fixtures.history("INBOUND", "hello")));
        DataExportRequested request = export(business, contact);

        EventRecords.publish(request, business.toString(), 1);

        PrivacyTaskCompleted answer = answers(request.getRequestId()).getFirst();
        assertThat(answer.getOutcome()).isEqualTo("DONE");
        assertThat(answer.getItemCount()).isEqualTo(1);
        HttpResponse<String> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/internal/privacy/exports/" + request.getRequestId()))
                .header("Authorization", "Bearer " + SERVICE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).isEqualTo(200);
        JsonNode job = JsonMapper.builder().build().readTree(part.body()).get("data").get("replyJobs").get(0);
        assertThat(job.get("customerMessage").asString()).isEqualTo(words);
        assertThat(job.get("history").get(0).get("text").asString()).isEqualTo("hello");
    }

    @Test
    void theContactsOrdersAreExportedThenErasedWhileAnotherContactsStay() throws Exception {
        // Given the contact's order as commerce published it, and another contact's order of the same business
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        Product tote = new Product("TOTE-01", "Canvas Tote", null, 1250, "USD", null);
        OrderPlaced theirs = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, UUID.randomUUID(), tote, 2,
                Instant.now());
        OrderPlaced anothers = Fixtures.orderPlaced(business, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                tote, 1, Instant.now());
        EventRecords.publish(theirs, theirs.getOrderId().toString(), 1);
        EventRecords.publish(anothers, anothers.getOrderId().toString(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ordersOf(business) == 2);

        // When the contact's data is exported, then erased
        DataExportRequested exportRequest = export(business, contact);
        EventRecords.publish(exportRequest, business.toString(), 1);
        assertThat(answers(exportRequest.getRequestId()).getFirst().getOutcome()).isEqualTo("DONE");
        HttpResponse<String> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/internal/privacy/exports/" + exportRequest.getRequestId()))
                .header("Authorization", "Bearer " + SERVICE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        DataErasureRequested erasure = erasure(business, contact);
        EventRecords.publish(erasure, business.toString(), 1);
        PrivacyTaskCompleted erased = answers(erasure.getRequestId()).getFirst();

        // Then the export listed their order with commerce's total, and the erasure removed it alone
        JsonNode orders = JsonMapper.builder().build().readTree(part.body()).get("data").get("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("orderId").asString()).isEqualTo(theirs.getOrderId().toString());
        assertThat(orders.get(0).get("totalMinor").asLong()).isEqualTo(2500);
        assertThat(erased.getItemCount()).isEqualTo(1);
        // (the platform keeps the export it was asked for, naming the contact, until it is fetched or expires)
        assertThat(DatabaseTraces.findOutsideOutbox(database, contact.toString())).containsOnlyKeys("privacy_exports");
        assertThat(ordersOf(business)).isEqualTo(1);
    }

    private int ordersOf(UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM contact_orders WHERE business_id = ?", Integer.class, business));
    }

    /** A job whose reply is backing off until tomorrow (so the test sees it still waiting). */
    private void waitingJob(ReplyRequested request) {
        TenantContext.runAs(request.getBusinessId(), () -> jdbc.update("INSERT INTO reply_jobs (id, business_id, "
                        + "conversation_id, contact_id, request_id, requested_at, request_avro, request_schema, due_at) "
                        + "VALUES (?, ?, ?, ?, ?, now(), ?, ?, ?)", UUID.randomUUID(), request.getBusinessId(),
                request.getConversationId(), request.getContactId(), request.getEventId(),
                ReplyRequestCodec.encode(request), ReplyRequestCodec.schema(),
                Timestamp.from(Instant.now().plus(Duration.ofDays(1)))));
    }

    private int jobsOf(UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM reply_jobs WHERE business_id = ?", Integer.class, business));
    }

    private static DataErasureRequested erasure(UUID business, UUID contact) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now());
        return DataErasureRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(business).setCorrelationId(meta.correlationId()).setRequestId(UUID.randomUUID())
                .setScope("CONTACT").setContactId(contact).setSource("CONSOLE").build();
    }

    private static DataExportRequested export(UUID business, UUID contact) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now());
        return DataExportRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(business).setCorrelationId(meta.correlationId()).setRequestId(UUID.randomUUID())
                .setScope("CONTACT").setContactId(contact).setRequestedByUserId(UUID.randomUUID()).build();
    }

    private static List<PrivacyTaskCompleted> answers(UUID requestId) {
        return EventRecords.awaitRecords(Topics.PRIVACY_TASK_RESULTS.name(), PrivacyTaskCompleted.class,
                a -> a.getRequestId().equals(requestId), l -> !l.isEmpty())
                .stream().map(r -> r.value()).toList();
    }
}
