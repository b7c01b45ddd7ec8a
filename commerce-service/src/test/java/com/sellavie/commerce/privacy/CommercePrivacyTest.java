package com.sellavie.commerce.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.PaidOrders;
import com.sellavie.commerce.support.Providers;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.platform.test.DatabaseTraces;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** identity.privacy-requests in commerce-service: orders keep their amounts and lose the person. */
@CommerceServiceTest
class CommercePrivacyTest {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String database;
    @Autowired
    OrderStore store;
    @Autowired
    Orders orders;
    @Autowired
    TransactionTemplate transaction;

    PaidOrders paidOrders;

    @BeforeEach
    void fixtures() {
        paidOrders = new PaidOrders(store, orders, transaction);
    }

    @Test
    void erasedCustomersPaidOrderKeepsItsAmountsAndInvoiceButLosesThePerson() {
        // Given a customer's paid order with its invoice, and another business's customer
        Customer customer = Customer.of(UUID.randomUUID());
        UUID order = paidOrderOf(customer, "erase");
        Customer other = Customer.of(UUID.randomUUID());
        UUID otherOrder = paidOrderOf(other, "erase-other");

        // When identity asks to erase the customer, twice (redelivered) and once more as a new event
        DataErasureRequested request = erasure(customer.business(), customer.contact());
        publish(request);
        publish(request);
        publish(DataErasureRequested.newBuilder(request).setEventId(EventMetadata.newEventId()).build());

        // Then two answers (the redelivery is absorbed): DONE with the order and invoice, then DONE with 0
        List<PrivacyTaskCompleted> answers = answers(request.getRequestId(), 3, Duration.ofSeconds(10));
        assertThat(answers).extracting(PrivacyTaskCompleted::getOutcome).containsExactly("DONE", "DONE");
        assertThat(answers.get(0).getItemCount()).isEqualTo(2);
        assertThat(answers.get(1).getItemCount()).isZero();
        // the order keeps its books, not its person
        JsonNode shown = Api.asOwnerOf(port, customer.business()).get("/api/orders/" + order).json();
        assertThat(shown.get("status").asString()).isEqualTo("PAID");
        assertThat(shown.get("totalMinor").asLong()).isEqualTo(2_500_000);
        assertThat(shown.get("items").get(0).get("name").asString()).isEqualTo("Linen shirt");
        assertThat(shown.get("contactId").isNull()).isTrue();
        assertThat(shown.get("conversationId").isNull()).isTrue();
        assertThat(DatabaseTraces.findOutsideOutbox(database, customer.contact().toString())).isEmpty();
        assertThat(DatabaseTraces.findOutsideOutbox(database, customer.conversation().toString())).isEmpty();
        // and the other business's order still knows its customer
        JsonNode untouched = Api.asOwnerOf(port, other.business()).get("/api/orders/" + otherOrder).json();
        assertThat(untouched.get("contactId").asString()).isEqualTo(other.contact().toString());
        assertThat(DatabaseTraces.find(database, other.conversation().toString())).containsKeys("orders", "invoices");
    }

    @Test
    void exportHoldsTheCustomersOrdersLinesAndInvoices() {
        Customer customer = Customer.of(UUID.randomUUID());
        UUID order = paidOrderOf(customer, "export");
        DataExportRequested request = export(customer.business(), customer.contact());

        publish(request);

        PrivacyTaskCompleted answer = answers(request.getRequestId(), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(answer.getOutcome()).isEqualTo("DONE");
        assertThat(answer.getItemCount()).isEqualTo(3);
        Api.Response part = Api.asService(port).get("/internal/privacy/exports/" + request.getRequestId());
        assertThat(part.status()).isEqualTo(200);
        JsonNode data = part.json().get("data");
        assertThat(part.json().get("service").asString()).isEqualTo("commerce-service");
        assertThat(data.get("orders").get(0).get("id").asString()).isEqualTo(order.toString());
        assertThat(data.get("orders").get(0).get("total_minor").asLong()).isEqualTo(2_500_000);
        assertThat(data.get("orderLines").get(0).get("name").asString()).isEqualTo("Linen shirt");
        assertThat(data.get("invoices").get(0).get("number").asString()).startsWith("INV-");
        assertThat(Api.asOwnerOf(port, customer.business()).get("/internal/privacy/exports/" + request.getRequestId())
                .status()).isIn(401, 403);
        assertThat(Api.asService(port).get("/internal/privacy/exports/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private UUID paidOrderOf(Customer customer, String code) {
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, code + "-" + customer.business());
        paidOrders.markPaid(customer.business(), order);
        KafkaEvents.awaitCount(Checkouts.ORDERS, InvoiceIssued.class, e -> e.getOrderId().equals(order), 1);
        return order;
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

    private static void publish(SpecificRecord request) {
        PaidOrders.publish(Topics.IDENTITY_PRIVACY_REQUESTS.name(), EventMetadata.of(request).businessId().toString(),
                request);
    }

    private static List<PrivacyTaskCompleted> answers(UUID requestId, int count, Duration within) {
        return KafkaEvents.await(Topics.PRIVACY_TASK_RESULTS.name(), PrivacyTaskCompleted.class,
                a -> a.getRequestId().equals(requestId), l -> l.size() >= count, within)
                .stream().map(r -> r.value()).toList();
    }
}
