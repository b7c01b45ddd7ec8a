package com.sellavie.commerce.support;

import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.ai.InvoiceAction;
import com.sellavie.events.ai.PaymentStatusAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fixtures of the checkout tests: replies on ai.replies as ai-service publishes them, products, topic reads. */
public final class Checkouts {

    public static final String ORDERS = Topics.COMMERCE_ORDERS.name();
    public static final String OUTBOUND = Topics.MESSAGING_OUTBOUND_REQUESTS.name();

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private Checkouts() {
    }

    /** A customer in a conversation of a business. */
    public record Customer(UUID business, UUID conversation, UUID contact) {

        public static Customer of(UUID business) {
            return new Customer(business, UUID.randomUUID(), UUID.randomUUID());
        }

        public Customer inAnotherConversation() {
            return new Customer(business, UUID.randomUUID(), contact);
        }
    }

    public static CheckoutActionItem item(String sku, int quantity) {
        return CheckoutActionItem.newBuilder().setSku(sku).setQuantity(quantity).build();
    }

    public static ReplyGenerated checkout(Customer customer, CheckoutActionItem... items) {
        return reply(customer, CheckoutAction.newBuilder().setItems(Arrays.asList(items)).build());
    }

    public static ReplyGenerated paymentStatus(Customer customer, String orderId) {
        return reply(customer, PaymentStatusAction.newBuilder().setOrderId(orderId).build());
    }

    public static ReplyGenerated invoice(Customer customer, String orderId) {
        return reply(customer, InvoiceAction.newBuilder().setOrderId(orderId).build());
    }

    public static ReplyGenerated reply(Customer customer, Object... actions) {
        UUID eventId = EventMetadata.newEventId();
        return ReplyGenerated.newBuilder().setEventId(eventId).setOccurredAt(Instant.now())
                .setBusinessId(customer.business()).setCorrelationId(eventId.toString()).setCausationId(null)
                .setConversationId(customer.conversation()).setReplyRequestId(UUID.randomUUID())
                .setContactId(customer.contact()).setText("Here you go").setProviderName("offline").setModel(null)
                .setOffline(true).setActions(Arrays.asList(actions)).build();
    }

    /** Publishes the reply as the relay would (key = conversation id, eventId and businessId headers). */
    public static void publish(ReplyGenerated reply) {
        byte[] value;
        synchronized (SERIALIZER) {
            value = UnansweredLookups.retried(() -> SERIALIZER.serialize(Topics.AI_REPLIES.name(), reply));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.AI_REPLIES.name(),
                reply.getConversationId().toString(), value);
        record.headers().add("eventId", reply.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", reply.getBusinessId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the reply", e);
        }
    }

    /** A product added to the business's catalog through the catalog API, as its owner. */
    public static void product(int port, UUID business, String sku, String name, long priceMinor, String currency,
            Integer stock, boolean active) {
        Api.Response created = Api.asOwnerOf(port, business).post("/api/catalog/products", "{\"sku\":\"" + sku
                + "\",\"name\":\"" + name + "\",\"description\":\"\",\"priceMinor\":" + priceMinor
                + ",\"currency\":\"" + currency + "\",\"stock\":" + stock + ",\"active\":" + active + "}");
        if (created.status() != 201 && created.status() != 200) {
            throw new IllegalStateException("Could not add product " + sku + ": " + created.status() + " "
                    + created.body());
        }
    }

    public static String sku(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<ConsumerRecord<String, OrderPlaced>> placed(UUID business, int count) {
        return KafkaEvents.awaitCount(ORDERS, OrderPlaced.class, e -> e.getBusinessId().equals(business), count);
    }

    public static List<ConsumerRecord<String, CheckoutLinkCreated>> linksCreated(UUID business, int count) {
        return KafkaEvents.awaitCount(ORDERS, CheckoutLinkCreated.class, e -> e.getBusinessId().equals(business),
                count);
    }

    public static List<ConsumerRecord<String, CheckoutLinkFailed>> linksFailed(UUID business, int count) {
        return KafkaEvents.awaitCount(ORDERS, CheckoutLinkFailed.class, e -> e.getBusinessId().equals(business),
                count);
    }

    public static List<ConsumerRecord<String, CheckoutRejected>> rejections(UUID business, int count) {
        return KafkaEvents.awaitCount(ORDERS, CheckoutRejected.class, e -> e.getBusinessId().equals(business), count);
    }

    public static List<ConsumerRecord<String, OutboundMessageRequested>> messages(UUID business, int count) {
        return KafkaEvents.awaitCount(OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(business), count);
    }

    /**
     * Places an order of one {@code sku} for the customer through the whole flow (the business's Paystack
     * already configured with {@code secret}) and waits for its link; returns the order id.
     */
    public static UUID orderWithLink(int port, Customer customer, String secret, String accessCode) {
        String sku = sku("item");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        Providers.paystackAnswers(secret, accessCode);
        publish(checkout(customer, item(sku, 1)));
        return KafkaEvents.awaitCount(ORDERS, CheckoutLinkCreated.class,
                e -> e.getCheckoutUrl().endsWith("/" + accessCode), 1).getFirst().value().getOrderId();
    }

    public static int orderCount(JdbcTemplate jdbc, UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE business_id = ?", Integer.class, business));
    }

    /** Makes the business's open orders look placed long ago (so the expiry job's time has come). */
    public static void agePendingOrders(JdbcTemplate jdbc, UUID business, Duration by) {
        TenantContext.runAs(business, () -> jdbc.update("UPDATE orders SET expires_at = ? WHERE business_id = ?",
                Timestamp.from(Instant.now().minus(by)), business));
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
