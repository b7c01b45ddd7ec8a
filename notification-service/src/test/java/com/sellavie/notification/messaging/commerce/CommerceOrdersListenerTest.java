package com.sellavie.notification.messaging.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.notification.CommerceEvents;
import com.sellavie.notification.InboundMessages;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** commerce.orders records on the real broker and registry, the feed read over HTTP as the business's owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class CommerceOrdersListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachAlertingEventBecomesANotificationOfItsBusinessOnly() throws Exception {
        // Given one order's alerting events, a rejected checkout and a discrepancy of business A
        UUID businessA = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();
        CommerceEvents.publish(CommerceEvents.checkoutLinkFailed(businessA, order, "Currency NGN is not enabled"), key);
        CommerceEvents.publish(CommerceEvents.paymentFailed(businessA, order, "Insufficient funds"), key);
        CommerceEvents.publish(CommerceEvents.orderPaid(businessA, order, 5_000_000L, "NGN"), key);
        CommerceEvents.publish(CommerceEvents.orderRefunded(businessA, order, 5_000_000L, "NGN"), key);
        UUID conversation = UUID.randomUUID();
        CommerceEvents.publish(CommerceEvents.checkoutRejected(businessA, conversation, "UNKNOWN_SKU",
                "No product with sku velvet-hat"), conversation.toString());
        var discrepancy = CommerceEvents.amountMismatch(businessA, order, 5_000_000L, 500_000L);
        CommerceEvents.publish(discrepancy, discrepancy.getDiscrepancyId().toString());

        // When its owner reads the feed
        JsonNode feed = awaitFeed(businessA, 6);

        // Then each is there once, with its title and the thing it is about
        assertThat(item(feed, "ORDER_PAID").get("title").asString()).isEqualTo("Order paid: NGN 50,000.00");
        assertThat(item(feed, "ORDER_PAID").get("body").asString())
                .isEqualTo("Paid through Paystack, reference " + CommerceEvents.reference(order));
        assertThat(item(feed, "ORDER_PAID").get("reference").asString()).isEqualTo(order.toString());
        assertThat(item(feed, "CHECKOUT_REJECTED").get("body").asString()).contains("No product with sku velvet-hat");
        assertThat(item(feed, "CHECKOUT_FAILED").get("title").asString()).isEqualTo("Payment link could not be created");
        assertThat(item(feed, "CHECKOUT_FAILED").get("body").asString())
                .contains("Stripe", "Currency NGN is not enabled", "Settings → Payments");
        assertThat(item(feed, "PAYMENT_FAILED").get("body").asString()).contains("Insufficient funds");
        assertThat(item(feed, "PAYMENT_DISCREPANCY").get("body").asString())
                .contains("expected NGN 50,000.00, received NGN 5,000.00");
        assertThat(item(feed, "PAYMENT_DISCREPANCY").get("reference").asString())
                .isEqualTo(discrepancy.getDiscrepancyId().toString());
        assertThat(item(feed, "ORDER_REFUNDED").get("title").asString()).isEqualTo("Order refunded: NGN 50,000.00");
        assertThat(feed.get("unreadCount").asLong()).isEqualTo(6);

        // And another business sees none of it
        JsonNode ofB = feed(UUID.randomUUID());
        assertThat(ofB.get("items")).isEmpty();
        assertThat(ofB.get("unreadCount").asLong()).isZero();
    }

    @Test
    void orderPaidDeliveredTwiceRecordsOneNotification() throws Exception {
        // Given an OrderPaid the relay delivers twice, then the same payment republished under a new eventId
        UUID business = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        OrderPaid paid = CommerceEvents.orderPaid(business, order, 1_999L, "USD");
        OrderPaid again = OrderPaid.newBuilder(paid).setEventId(EventMetadata.newEventId()).build();

        // When all three arrive, followed by a later event of the same order (same partition: handled after them)
        CommerceEvents.publish(paid, order.toString());
        CommerceEvents.publish(paid, order.toString());
        CommerceEvents.publish(again, order.toString());
        CommerceEvents.publish(CommerceEvents.orderRefunded(business, order, 1_999L, "USD"), order.toString());

        // Then the feed has the refund and one payment notification, and the inbox one entry per eventId
        JsonNode feed = awaitFeed(business, 2);
        assertThat(kinds(feed)).containsExactly("ORDER_REFUNDED", "ORDER_PAID");
        assertThat(item(feed, "ORDER_PAID").get("title").asString()).isEqualTo("Order paid: USD 19.99");
        assertThat(inboxEntries(paid.getEventId())).isEqualTo(1);
        assertThat(inboxEntries(again.getEventId())).isEqualTo(1);
    }

    @Test
    void routineAndUnhandledEventsAreAcknowledgedWithoutANotification() throws Exception {
        // Given an order's routine events, and a decodable event of a type this service does not handle
        UUID business = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        List<SpecificRecord> quiet = new ArrayList<>(CommerceEvents.routine(business, order));
        quiet.add(InboundMessages.instagramDm(business, "not a commerce event"));
        double acknowledgedBefore = counted("OrderPlaced", "acknowledged");

        // When they arrive, followed by an alerting event of the same order
        for (SpecificRecord event : quiet) {
            CommerceEvents.publish(event, order.toString());
        }
        CommerceEvents.publish(CommerceEvents.orderPaid(business, order, 5_000_000L, "NGN"), order.toString());

        // Then only the payment is in the feed, and every quiet event went through the inbox and was counted
        JsonNode feed = awaitFeed(business, 1);
        assertThat(kinds(feed)).containsExactly("ORDER_PAID");
        assertThat(quiet).allSatisfy(event -> assertThat(inboxEntries(EventMetadata.of(event).eventId())).isEqualTo(1));
        assertThat(counted("OrderPlaced", "acknowledged")).isEqualTo(acknowledgedBefore + 1);
        assertThat(counted("InboundMessageReceived", "unhandled")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void recordWhoseTenantHeaderNamesAnotherBusinessIsRefusedAndDeadLettered() throws Exception {
        // Given a payment of business A whose businessId header names business B
        UUID businessA = UUID.randomUUID();
        UUID businessB = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        OrderPaid mislabelled = CommerceEvents.orderPaid(businessA, order, 5_000_000L, "NGN");

        // When it is delivered, followed by a correct event of the same order
        CommerceEvents.publish(mislabelled, order.toString(), businessB.toString());
        CommerceEvents.publish(CommerceEvents.paymentFailed(businessA, order, "Declined"), order.toString());

        // Then neither business has a payment notification, no inbox entry, and the record is in the DLT
        assertThat(kinds(awaitFeed(businessA, 1))).containsExactly("PAYMENT_FAILED");
        assertThat(feed(businessB).get("items")).isEmpty();
        assertThat(inboxEntries(mislabelled.getEventId())).isZero();
        assertThat(deadLetterEventIds()).contains(mislabelled.getEventId().toString());
    }

    /** The eventId headers of every record now on commerce.orders' dead-letter topic. */
    private static List<String> deadLetterEventIds() {
        String dlt = Topics.COMMERCE_ORDERS.deadLetterTopic();
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(PATIENCE).until(() -> !consumer.partitionsFor(dlt).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(p -> new TopicPartition(dlt, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader("eventId");
                    if (header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return ids;
    }

    private double counted(String type, String outcome) {
        var counter = meters.find(CommerceOrdersListener.OUTCOMES).tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private int inboxEntries(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId);
    }

    private static JsonNode item(JsonNode feed, String kind) {
        return feed.get("items").valueStream().filter(i -> kind.equals(i.get("kind").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " in " + feed));
    }

    private static List<String> kinds(JsonNode feed) {
        return feed.get("items").valueStream().map(i -> i.get("kind").asString()).toList();
    }

    private JsonNode awaitFeed(UUID business, int size) throws IOException, InterruptedException {
        await().atMost(PATIENCE).until(() -> feed(business).get("items").size() >= size);
        return feed(business);
    }

    private JsonNode feed(UUID business) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
